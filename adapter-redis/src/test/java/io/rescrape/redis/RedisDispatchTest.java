package io.rescrape.redis;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.common.util.concurrent.Uninterruptibles;
import io.rescrape.core.Rescrape;
import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.InstanceId;
import io.rescrape.core.domain.JobProgress;
import io.rescrape.core.domain.JobStatus;
import io.rescrape.core.domain.NewCreator;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.service.RunReport;
import io.rescrape.core.service.RunnerSettings;
import io.rescrape.core.testing.FakeProfileScraper;
import io.rescrape.jdbc.JdbcStores;
import io.rescrape.jdbc.testing.TestDatabase;
import io.rescrape.jdbc.testing.TestDatabases;
import io.rescrape.redis.testing.RedisServers;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Whole jobs dispatched through Redis on PostgreSQL, with Redis lost and back mid-job. */
class RedisDispatchTest {

  private static final int CREATORS = 300;

  /** Scrapes wait on this while it is closed: the job cannot end before Redis is back. */
  private volatile CountDownLatch gate = new CountDownLatch(0);

  private final FakeProfileScraper instagram = gatedScraper(Platform.INSTAGRAM);
  private final FakeProfileScraper tiktok = gatedScraper(Platform.TIKTOK);
  private final TestDatabase database = TestDatabases.postgres(12);
  private final RedisServers.OwnedRedis redis = RedisServers.owned();
  private final List<AutoCloseable> closing = new ArrayList<>();
  private RedisWorkQueue queue;

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable closeable : closing) {
      closeable.close();
    }
    redis.stop();
    database.close();
  }

  @Test
  void should_scrape_every_creator_exactly_once_through_a_redis_outage() {
    Rescrape rescrape = instance(database.stores());
    importCreators(rescrape);
    DailyJob job = rescrape.planner().planDay(today(rescrape)).job();

    CompletableFuture<RunReport> run =
        CompletableFuture.supplyAsync(() -> rescrape.runner().run(job.id()));
    await().atMost(30, SECONDS).until(() -> finished(job) >= CREATORS / 3);
    redis.stop();
    await().atMost(30, SECONDS).until(() -> !queue.health().up());
    await().atMost(30, SECONDS).until(() -> finished(job) >= CREATORS / 2);
    gate = new CountDownLatch(1);
    redis.start();
    await().atMost(30, SECONDS).until(() -> queue.health().up());
    gate.countDown();
    RunReport report = run.join();

    assertThat(report.job().status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(queue.counters(job.id())).containsKey("done");
    assertThat(report.progress()).isEqualTo(new JobProgress(0, 0, CREATORS, 0, 0));
    assertThat(instagram.totalCalls() + tiktok.totalCalls()).isEqualTo(CREATORS);
    for (int i = 0; i < CREATORS; i++) {
      FakeProfileScraper scraper = i % 2 == 0 ? instagram : tiktok;
      assertThat(scraper.callsFor(new Handle("creator." + i))).as("creator.%d", i).isEqualTo(1);
    }
  }

  private FakeProfileScraper gatedScraper(Platform platform) {
    return new FakeProfileScraper(platform)
        .latency(Duration.ofMillis(20))
        .otherwise(
            handle -> {
              Uninterruptibles.awaitUninterruptibly(gate);
              return FakeProfileScraper.profileOf(handle);
            });
  }

  private long finished(DailyJob job) {
    JobProgress progress = database.stores().jobs().progress(job.id());
    return progress.finished();
  }

  private Rescrape instance(JdbcStores stores) {
    queue =
        new RedisWorkQueue(
            stores.queue(),
            RedisSettings.builder(redis.url())
                .probeInterval(Duration.ofMillis(200))
                .timeout(Duration.ofMillis(500))
                .build(),
            Clock.systemUTC());
    closing.add(queue);
    Rescrape rescrape =
        stores
            .builder()
            .workQueue(queue)
            .scraper(instagram)
            .scraper(tiktok)
            .instanceId(new InstanceId("redis-test"))
            .runner(
                RunnerSettings.builder()
                    .concurrency(4)
                    .idlePoll(Duration.ofMillis(20))
                    .flush(20, Duration.ofMillis(20))
                    .build())
            .build();
    closing.add(rescrape);
    return rescrape;
  }

  private void importCreators(Rescrape rescrape) {
    List<NewCreator> batch = new ArrayList<>();
    for (int i = 0; i < CREATORS; i++) {
      Platform platform = i % 2 == 0 ? Platform.INSTAGRAM : Platform.TIKTOK;
      batch.add(new NewCreator(platform, new Handle("creator." + i), null));
    }
    rescrape.creators().startImport().add(batch);
  }

  private static LocalDate today(Rescrape rescrape) {
    return rescrape.policy().dateOf(rescrape.clock().instant());
  }
}
