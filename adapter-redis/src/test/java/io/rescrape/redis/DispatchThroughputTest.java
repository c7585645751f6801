package io.rescrape.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.rescrape.core.Rescrape;
import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.InstanceId;
import io.rescrape.core.domain.JobProgress;
import io.rescrape.core.domain.JobStatus;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.port.WorkQueue;
import io.rescrape.core.service.RunReport;
import io.rescrape.core.service.RunnerSettings;
import io.rescrape.core.testing.FakeProfileScraper;
import io.rescrape.core.testing.SettableClock;
import io.rescrape.jdbc.JdbcStores;
import io.rescrape.jdbc.testing.TestDatabase;
import io.rescrape.jdbc.testing.TestDatabases;
import io.rescrape.redis.testing.RedisServers;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * Items per second through each dispatch path on PostgreSQL: a job of N new creators enqueued into
 * Redis and drained by no-latency scrapers, and the same job drained through the database's ledger
 * alone. The suite runs 20,000 items; {@code -Drescrape.dispatch.items=200000} runs the README's
 * size. Prints {@code RESULT dispatch} lines; asserts only that every item was done once.
 */
class DispatchThroughputTest {

  private static final int ITEMS = Integer.getInteger("rescrape.dispatch.items", 20_000);
  private static final int CONCURRENCY = 16;
  private static final LocalDate WED = LocalDate.of(2025, 8, 27);
  private static final Instant NINE = Instant.parse("2025-08-27T09:00:00Z");

  @Test
  void should_drain_a_job_through_redis() {
    String prefix = "throughput-" + UUID.randomUUID();
    RedisSettings settings =
        RedisSettings.builder(RedisServers.sharedUrl()).keyPrefix(prefix).build();
    try (TestDatabase database = seeded()) {
      JdbcStores stores = database.stores();
      try (RedisWorkQueue queue =
          new RedisWorkQueue(stores.queue(), settings, new SettableClock(NINE))) {
        DailyJob job = stores.jobs().createDailyJob(WED, NINE).job();
        long started = System.nanoTime();
        queue.open(job);
        double enqueueSeconds = secondsSince(started);
        RunReport report = drain(stores, queue, job);
        print("redis", report, enqueueSeconds);
        assertEveryItemDoneOnce(report);
      } finally {
        try (RedisClient redis = RedisClient.create(RedisServers.sharedUrl())) {
          String tag = "{" + prefix + ":job:1}";
          redis.del(
              tag + ":opened",
              tag + ":counters",
              tag + ":pending:instagram",
              tag + ":pending:tiktok");
        }
      }
    }
  }

  @Test
  void should_drain_a_job_through_the_database_alone() {
    try (TestDatabase database = seeded()) {
      JdbcStores stores = database.stores();
      DailyJob job = stores.jobs().createDailyJob(WED, NINE).job();
      RunReport report = drain(stores, stores.queue(), job);
      print("database", report, 0);
      assertEveryItemDoneOnce(report);
    }
  }

  private RunReport drain(JdbcStores stores, WorkQueue queue, DailyJob job) {
    FakeProfileScraper instagram = new FakeProfileScraper(Platform.INSTAGRAM);
    FakeProfileScraper tiktok = new FakeProfileScraper(Platform.TIKTOK);
    try (Rescrape rescrape =
        stores
            .builder()
            .workQueue(queue)
            .clock(new SettableClock(NINE))
            .scraper(instagram)
            .scraper(tiktok)
            .instanceId(new InstanceId("throughput"))
            .runner(RunnerSettings.builder().concurrency(CONCURRENCY).build())
            .build()) {
      RunReport report = rescrape.runner().run(job.id());
      assertThat(instagram.totalCalls() + tiktok.totalCalls()).isEqualTo(ITEMS);
      return report;
    }
  }

  private static void print(String path, RunReport report, double enqueueSeconds) {
    double drainSeconds = report.took().toMillis() / 1000.0;
    System.out.printf(
        Locale.ROOT,
        "RESULT dispatch path=%s items=%d enqueue_s=%.2f enqueue_items_per_s=%.0f drain_s=%.2f"
            + " drain_items_per_s=%.0f concurrency_per_platform=%d%n",
        path,
        ITEMS,
        enqueueSeconds,
        enqueueSeconds == 0 ? 0 : ITEMS / enqueueSeconds,
        drainSeconds,
        ITEMS / drainSeconds,
        CONCURRENCY);
  }

  private static void assertEveryItemDoneOnce(RunReport report) {
    assertThat(report.job().status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(report.progress()).isEqualTo(new JobProgress(0, 0, ITEMS, 0, 0));
  }

  /** A fresh schema with ITEMS new creators, half on each platform, all due at once. */
  private static TestDatabase seeded() {
    TestDatabase database = TestDatabases.postgres(12);
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "INSERT INTO rescrape_creators (platform, handle, display_handle, cycle_day, added_at)"
              + " SELECT CASE WHEN g % 2 = 0 THEN 'instagram' ELSE 'tiktok' END, 'creator.' || g,"
              + " 'creator.' || g,"
              + " (ARRAY[2, 3, 4, 5, 6, 0])[1 + g % 6], TIMESTAMPTZ '2025-08-01 00:00:00+00'"
              + " FROM generate_series(1, "
              + ITEMS
              + ") AS g");
      statement.execute("ANALYZE rescrape_creators");
      return database;
    } catch (SQLException e) {
      database.close();
      throw new IllegalStateException(e);
    }
  }

  private static double secondsSince(long nanos) {
    return (System.nanoTime() - nanos) / 1e9;
  }
}
