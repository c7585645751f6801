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
 * Reads TikTok profiles over HTTP from the profile page, {@code GET {base}/@{handle}}, through the
 * JSON the page embeds in its {@code __UNIVERSAL_DATA_FOR_REHYDRATION__} script.
 *
 * <p>It reads the account id, nickname, signature, the verified and private flags, and the
 * follower, following, video and heart counts, from {@code statsV2} where present (its counts are
 * strings and do not overflow) and otherwise from {@code stats}. Posts are videos and likes are
 * hearts.
 *
 * <p>Every answer becomes one {@link ScrapeResult}; {@link #scrape} never throws. Thread-safe: one
 * instance serves all worker threads. It sends {@link #DEFAULT_HEADERS}; a header of the same name
 * given with {@link HttpScraperSettings.Builder#header} replaces a default one.
 */
public final class HttpTikTokScraper implements ProfileScraper {

  /**
   * The headers sent with every request unless the settings give one of the same name: {@code
   * Accept: text/html} and {@code Accept-Language: en-US,en;q=0.9} (English pages, whose wording
   * the scraper reads to tell a throttle from a block).
   */
  public static final Map<String, String> DEFAULT_HEADERS =
      Map.of("Accept", "text/html", "Accept-Language", "en-US,en;q=0.9");

  /**
   * A conservative request budget for TikTok: 400 requests per hour. Its unauthenticated web pages
   * throttle per IP address after a few hundred requests an hour, and every throttle pauses the
   * whole platform: staying under the threshold costs less than crossing it. Raise it only when
   * requests leave from several addresses.
   */
  public static final RequestBudget DEFAULT_BUDGET = new RequestBudget(400, Duration.ofHours(1));

  private final HttpProfileFetcher fetcher;
  private final TikTokProfileReader reader = new TikTokProfileReader();

  /** A scraper that asks the platform at {@code settings.baseUri()}. */
  public HttpTikTokScraper(HttpScraperSettings settings) {
    this.fetcher = new HttpProfileFetcher(settings, DEFAULT_HEADERS);
  }

  /** Always {@link Platform#TIKTOK}. */
  /** {@return {@link #DEFAULT_BUDGET}} */
  @Override
  public Optional<RequestBudget> defaultBudget() {
    return Optional.of(DEFAULT_BUDGET);
  }

  @Override
  public Platform platform() {
    return Platform.TIKTOK;
  }

  /**
   * Reads one profile.
   *
   * @return the profile as {@code OK}, or the outcome the answer or its absence stands for; never
   *     null
   */
  @Override
  public ScrapeResult scrape(Handle handle) {
    String path = "/@" + HttpProfileFetcher.encode(handle.value());
    return fetcher.fetch(new Lookup(Platform.TIKTOK, handle), path, reader);
  }
}
