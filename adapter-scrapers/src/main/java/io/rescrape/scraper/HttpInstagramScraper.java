package io.rescrape.scraper;

import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.ScrapeResult;
import io.rescrape.core.port.ProfileScraper;

/**
 * Reads Instagram profiles over HTTP from the {@code web_profile_info} endpoint: {@code GET
 * {base}/api/v1/users/web_profile_info/?username={handle}}.
 *
 * <p>It reads the account id, full name, biography, the verified and private flags, and the
 * follower, following and post counts, nested ({@code edge_followed_by.count}) or flat ({@code
 * follower_count}). Instagram shows no total of likes, so likes are always null.
 *
 * <p>Every answer becomes one {@link ScrapeResult}; {@link #scrape} never throws. Thread-safe: one
 * instance serves all worker threads. The real endpoint usually wants an {@code x-ig-app-id}
 * header, which can be added with {@link HttpScraperSettings.Builder#header}.
 */
public final class HttpInstagramScraper implements ProfileScraper {

  private final HttpProfileFetcher fetcher;
  private final InstagramProfileReader reader = new InstagramProfileReader();

  /** A scraper that asks the platform at {@code settings.baseUri()}. */
  public HttpInstagramScraper(HttpScraperSettings settings) {
    this.fetcher = new HttpProfileFetcher(settings, "application/json");
  }

  /** Always {@link Platform#INSTAGRAM}. */
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
