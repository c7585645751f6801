package io.rescrape.benchmarks;

import io.rescrape.core.Rescrape;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.port.WorkQueue;
import io.rescrape.core.testing.FakeProfileScraper;
import io.rescrape.jdbc.JdbcStores;
import java.time.Clock;

/** How the benchmarks wire Rescrape: a schema's stores, a work queue, and instant scrapers. */
final class InstantRescrape {

  private InstantRescrape() {}

  /**
   * {@return a builder over {@code stores} and {@code queue} on {@code clock}, with a scraper per
   * platform that answers at once; add settings and listeners, then build}
   */
  static Rescrape.Builder builder(JdbcStores stores, WorkQueue queue, Clock clock) {
    return stores
        .builder()
        .workQueue(queue)
        .clock(clock)
        .scraper(new FakeProfileScraper(Platform.INSTAGRAM))
        .scraper(new FakeProfileScraper(Platform.TIKTOK));
  }
}
