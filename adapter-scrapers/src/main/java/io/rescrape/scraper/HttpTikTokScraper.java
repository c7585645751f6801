package io.rescrape.scraper;

import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.ScrapeResult;
import io.rescrape.core.port.ProfileScraper;

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
 * instance serves all worker threads.
 */
public final class HttpTikTokScraper implements ProfileScraper {

  private final HttpProfileFetcher fetcher;
  private final TikTokProfileReader reader = new TikTokProfileReader();

  /** A scraper that asks the platform at {@code settings.baseUri()}. */
  public HttpTikTokScraper(HttpScraperSettings settings) {
    this.fetcher = new HttpProfileFetcher(settings, "text/html");
  }

  /** Always {@link Platform#TIKTOK}. */
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
