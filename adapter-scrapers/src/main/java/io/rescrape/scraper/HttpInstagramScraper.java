package io.rescrape.scraper;

import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.RequestBudget;
import io.rescrape.core.domain.ScrapeResult;
import io.rescrape.core.port.ProfileScraper;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Instagram profiles over HTTP from the {@code web_profile_info} endpoint: {@code GET
 * {base}/api/v1/users/web_profile_info/?username={handle}}.
 *
 * <p>It reads the account id, full name, biography, the verified and private flags, and the
 * follower, following and post counts, nested ({@code edge_followed_by.count}) or flat ({@code
 * follower_count}). Instagram shows no total of likes, so likes are always null.
 *
 * <p>Every answer becomes one {@link ScrapeResult}; {@link #scrape} never throws. Thread-safe: one
 * instance serves all worker threads. It sends {@link #DEFAULT_HEADERS}, among them the {@code
 * X-IG-App-ID} the endpoint expects; a header of the same name given with {@link
 * HttpScraperSettings.Builder#header} replaces a default one.
 */
public final class HttpInstagramScraper implements ProfileScraper {

  /**
   * The app id of Instagram's public web app, which its web endpoints expect in {@code
   * X-IG-App-ID}: {@value}.
   */
  public static final String WEB_APP_ID = "936619743392459";

  /**
   * The headers sent with every request unless the settings give one of the same name: {@code
   * Accept: application/json}, {@code Accept-Language: en-US,en;q=0.9} (English answers, whose
   * wording the scraper reads to tell a throttle from a block) and {@code X-IG-App-ID:} {@value
   * #WEB_APP_ID}, without which the endpoint refuses the request.
   */
  public static final Map<String, String> DEFAULT_HEADERS =
      Map.of(
          "Accept", "application/json",
          "Accept-Language", "en-US,en;q=0.9",
          "X-IG-App-ID", WEB_APP_ID);

  /**
   * A conservative request budget for Instagram: 200 requests per hour. Its unauthenticated web
   * endpoints throttle per IP address after a few hundred requests an hour, and every throttle
   * pauses the whole platform: staying under the threshold costs less than crossing it. Raise it
   * only when requests leave from several addresses.
   */
  public static final RequestBudget DEFAULT_BUDGET = new RequestBudget(200, Duration.ofHours(1));

  private final HttpProfileFetcher fetcher;
  private final InstagramProfileReader reader = new InstagramProfileReader();

  /** A scraper that asks the platform at {@code settings.baseUri()}. */
  public HttpInstagramScraper(HttpScraperSettings settings) {
    this.fetcher = new HttpProfileFetcher(settings, DEFAULT_HEADERS);
  }

  /** Always {@link Platform#INSTAGRAM}. */
  /** {@return {@link #DEFAULT_BUDGET}} */
  @Override
  public Optional<RequestBudget> defaultBudget() {
    return Optional.of(DEFAULT_BUDGET);
  }

  @Override
  public Platform platform() {
    return Platform.INSTAGRAM;
  }

  /**
   * Reads one profile.
   *
   * @return the profile as {@code OK}, or the outcome the answer or its absence stands for; never
   *     null
   */
  @Override
  public ScrapeResult scrape(Handle handle) {
    String path =
        "/api/v1/users/web_profile_info/?username=" + HttpProfileFetcher.encode(handle.value());
    return fetcher.fetch(new Lookup(Platform.INSTAGRAM, handle), path, reader);
  }
}
