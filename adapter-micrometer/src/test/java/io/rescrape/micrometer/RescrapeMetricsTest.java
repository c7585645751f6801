package io.rescrape.micrometer;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.rescrape.core.Rescrape;
import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.ItemResult;
import io.rescrape.core.domain.Lease;
import io.rescrape.core.domain.NewCreator;
import io.rescrape.core.domain.NotFoundAnswer;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.ScrapeResult;
import io.rescrape.core.domain.WorkItem;
import io.rescrape.core.event.CircuitOpened;
import io.rescrape.core.event.PlatformPaused;
import io.rescrape.core.fixtures.Faults;
import io.rescrape.core.fixtures.RescrapeFixture;
import io.rescrape.core.port.JobStore;
import io.rescrape.core.port.RescrapeEventListener;
import io.rescrape.core.service.LocalPlatformGate;
import io.rescrape.core.service.RunReport;
import io.rescrape.core.service.RunnerSettings;
import io.rescrape.core.testing.FakeProfileScraper;
import io.rescrape.core.testing.InMemoryStores;
import io.rescrape.core.testing.RecordingEventListener;
import io.rescrape.core.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The meters, read from a Prometheus registry while a real in-memory Rescrape runs jobs. */
@Timeout(60) // a run that waits for nothing must fail the test, not hang the build
class RescrapeMetricsTest {

  private static final LocalDate WED = LocalDate.of(2025, 8, 27);
  private static final Instant NINE = Instant.parse("2025-08-27T09:00:00Z");
  private static final Duration CACHE = RescrapeMetrics.DEFAULT_CACHE_PERIOD;

  private final SettableClock clock = new SettableClock(NINE);
  private final MockClock registryClock = new MockClock();
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(
          PrometheusConfig.DEFAULT, new PrometheusRegistry(), registryClock);
  private final RescrapeMetrics metrics = new RescrapeMetrics(registry);

  private final InMemoryStores stores = InMemoryStores.create();
  private final FakeProfileScraper instagram = new FakeProfileScraper(Platform.INSTAGRAM);
  private final FakeProfileScraper tiktok = new FakeProfileScraper(Platform.TIKTOK);
  private final LocalPlatformGate gate = new LocalPlatformGate();
  private final RecordingEventListener events = new RecordingEventListener();
  private final AtomicBoolean storeDown = new AtomicBoolean();

  private final List<Rescrape> instances = new ArrayList<>();
  private final List<CompletableFuture<RunReport>> runs = new ArrayList<>();

  @AfterEach
  void stopEverything() {
    instances.forEach(rescrape -> rescrape.runner().stop());
    runs.forEach(CompletableFuture::join);
    instances.forEach(Rescrape::close);
    registry.close();
  }

  @Test
  void should_count_each_finished_creator_by_platform_and_outcome() {
    Rescrape rescrape = rescrape();
    addFailingAndSucceedingCreators(rescrape);

    rescrape.runDaily(WED);

    assertThat(counter("rescrape.items.processed", "platform", "instagram", "outcome", "OK"))
        .isEqualTo(2);
    assertThat(counter("rescrape.items.processed", "platform", "instagram", "outcome", "NOT_FOUND"))
        .isEqualTo(1);
    assertThat(counter("rescrape.items.processed", "platform", "tiktok", "outcome", "OK"))
        .isEqualTo(1);
    assertThat(counter("rescrape.items.processed", "platform", "tiktok", "outcome", "PRIVATE"))
        .isEqualTo(1);
  }

  @Test
  void should_count_the_creators_a_job_gave_up_on_by_platform_and_reason() {
    Rescrape rescrape = rescrape();
    addFailingAndSucceedingCreators(rescrape);

    rescrape.runDaily(WED);

    assertThat(counter("rescrape.items.failed", "platform", "instagram", "reason", "NOT_FOUND"))
        .isEqualTo(1);
    assertThat(counter("rescrape.items.failed", "platform", "tiktok", "reason", "PRIVATE"))
        .isEqualTo(1);
    assertThat(counter("rescrape.items.failed", "platform", "tiktok", "reason", "NOT_FOUND"))
        .isZero();
  }

  @Test
  void should_count_attempts_retried_after_a_transient_failure() {
    Rescrape rescrape = rescrape(r -> r.maxAttempts(3).retryBackoff(Duration.ZERO, Duration.ZERO));
    add(rescrape, Platform.INSTAGRAM, "flaky");
    instagram.script(
        new Handle("flaky"),
        ScrapeResult.transientFailure("connection reset"),
        ScrapeResult.transientFailure("connection reset"));

    rescrape.runDaily(WED);

    assertThat(counter("rescrape.items.retried", "platform", "instagram", "reason", "TRANSIENT"))
        .isEqualTo(2);
    assertThat(counter("rescrape.items.processed", "platform", "instagram", "outcome", "OK"))
        .isEqualTo(1);
  }

  @Test
  void should_time_successful_scrapes_per_platform_in_histogram_buckets() {
    Rescrape rescrape = rescrape(r -> r.concurrency(1));
    add(rescrape, Platform.INSTAGRAM, "slow.one", "slow.two", "slow.three");
    instagram.otherwise(
        handle -> {
          clock.advance(Duration.ofMillis(1_500));
          return FakeProfileScraper.profileOf(handle);
        });

    rescrape.runDaily(WED);

    Timer latency = registry.get("rescrape.scrape.latency").tag("platform", "instagram").timer();
    assertThat(latency.count()).isEqualTo(3);
    assertThat(latency.totalTime(SECONDS)).isEqualTo(4.5);
    assertThat(bucket(latency, Duration.ofSeconds(1))).isZero();
    assertThat(bucket(latency, Duration.ofSeconds(2))).isEqualTo(3);
  }

  @Test
  void should_time_how_late_after_its_trigger_time_a_date_was_planned() {
    Rescrape rescrape = rescrape();
    add(rescrape, Platform.TIKTOK, "due.today");
    clock.set(NINE.plusSeconds(30));

    rescrape.trigger().arm();

    Timer lateness = registry.get("rescrape.trigger.lateness").timer();
    assertThat(lateness.count()).isEqualTo(1);
    assertThat(lateness.totalTime(SECONDS)).isEqualTo(30);
  }

  @Test
  void should_count_throttles_that_paused_a_platform() {
    Rescrape rescrape = rescrape(r -> r.concurrency(1));
    add(rescrape, Platform.INSTAGRAM, "throttled", "waiting");
    instagram.script(
        new Handle("throttled"), ScrapeResult.rateLimited(Duration.ofMinutes(1), "HTTP 429"));

    runInBackground(rescrape, rescrape.planner().planDay(WED).job());
    await().atMost(5, SECONDS).until(() -> !events.ofType(PlatformPaused.class).isEmpty());

    assertThat(counter("rescrape.platform.pauses", "platform", "instagram")).isEqualTo(1);
    assertThat(counter("rescrape.platform.pauses", "platform", "tiktok")).isZero();
  }

  @Test
  void should_show_an_open_circuit_and_count_its_opening() {
    Rescrape rescrape =
        rescrape(
            r ->
                r.concurrency(1)
                    .breaker(4, 0.5)
                    .breakerCooldown(Duration.ofMinutes(2))
                    .retryBackoff(Duration.ofHours(1), Duration.ofHours(1)));
    add(rescrape, Platform.INSTAGRAM, "walled.1", "walled.2", "walled.3", "walled.4", "walled.5");
    instagram.otherwise(handle -> ScrapeResult.blocked("HTTP 302: redirected to a login page"));

    runInBackground(rescrape, rescrape.planner().planDay(WED).job());
    await().atMost(5, SECONDS).until(() -> !events.ofType(CircuitOpened.class).isEmpty());

    assertThat(gauge("rescrape.platform.circuit.open", "platform", "instagram")).isEqualTo(1);
    assertThat(gauge("rescrape.platform.circuit.open", "platform", "tiktok")).isZero();
    assertThat(counter("rescrape.platform.circuit.openings", "platform", "instagram")).isEqualTo(1);
  }

  @Test
  void should_show_a_paused_platform_as_paused_and_the_others_as_serving() {
    rescrape();

    gate.pause(Platform.TIKTOK, NINE.plusSeconds(90));

    assertThat(gauge("rescrape.platform.paused", "platform", "tiktok")).isEqualTo(1);
    assertThat(gauge("rescrape.platform.paused", "platform", "instagram")).isZero();
    assertThat(gauge("rescrape.platform.circuit.open", "platform", "tiktok")).isZero();
  }

  @Test
  void should_count_jobs_in_every_status() {
    Rescrape rescrape = rescrape();
    add(rescrape, Platform.INSTAGRAM, "done.wednesday");
    rescrape.runDaily(WED);
    add(rescrape, Platform.TIKTOK, "new.on.thursday");

    rescrape.planner().planDay(WED.plusDays(1));

    assertThat(registry.find("rescrape.jobs").gauges()).hasSize(7);
    assertThat(gauge("rescrape.jobs", "status", "COMPLETED")).isEqualTo(1);
    assertThat(gauge("rescrape.jobs", "status", "PENDING")).isEqualTo(1);
    assertThat(gauge("rescrape.jobs", "status", "RUNNING")).isZero();
  }

  @Test
  void should_count_the_unfinished_items_of_the_running_job_as_the_queue_depth() {
    Rescrape rescrape = rescrape();
    add(rescrape, Platform.INSTAGRAM, "q.1", "q.2", "q.3", "q.4", "q.5");
    DailyJob job = rescrape.planner().planDay(WED).job();
    Lease elsewhere = new Lease("another-instance", NINE.plusSeconds(30));
    stores.jobs().start(job.id(), elsewhere, NINE);
    List<WorkItem> claimed = stores.queue().claim(job.id(), Platform.INSTAGRAM, 2, elsewhere, NINE);

    stores
        .jobs()
        .record(
            job.id(),
            List.of(ItemResult.done(claimed.get(0).creatorId())),
            "another-instance",
            NINE);

    assertThat(gauge("rescrape.queue.depth")).isEqualTo(4);
  }

  @Test
  void should_show_a_queue_depth_of_zero_when_no_job_runs() {
    Rescrape rescrape = rescrape();
    add(rescrape, Platform.INSTAGRAM, "waiting.1", "waiting.2");

    rescrape.planner().planDay(WED);

    assertThat(gauge("rescrape.queue.depth")).isZero();
  }

  @Test
  void should_count_active_and_gone_creators() {
    Rescrape rescrape = rescrape();
    List<CreatorId> ids = add(rescrape, Platform.TIKTOK, "here.1", "here.2", "lost");

    markGone(ids.get(2));

    assertThat(gauge("rescrape.creators", "state", "active")).isEqualTo(2);
    assertThat(gauge("rescrape.creators", "state", "gone")).isEqualTo(1);
  }

  @Test
  void should_read_the_stores_at_most_once_per_cache_period() {
    Rescrape rescrape = rescrape();
    add(rescrape, Platform.INSTAGRAM, "due");
    double before = gauge("rescrape.jobs", "status", "PENDING");
    rescrape.planner().planDay(WED);

    double withinPeriod = gauge("rescrape.jobs", "status", "PENDING");
    registryClock.add(CACHE);
    double afterPeriod = gauge("rescrape.jobs", "status", "PENDING");

    assertThat(before).isZero();
    assertThat(withinPeriod).isZero();
    assertThat(afterPeriod).isEqualTo(1);
  }

  @Test
  void should_keep_the_last_values_and_warn_once_while_the_store_is_down() {
    Rescrape rescrape = rescrape();
    add(rescrape, Platform.INSTAGRAM, "due");
    rescrape.planner().planDay(WED);
    gauge("rescrape.jobs", "status", "PENDING");
    storeDown.set(true);

    List<Double> duringOutage = new ArrayList<>();
    List<String> warnings;
    try (CapturedLogs logs = CapturedLogs.start()) {
      for (int scrape = 0; scrape < 4; scrape++) {
        registryClock.add(CACHE);
        duringOutage.add(gauge("rescrape.jobs", "status", "PENDING"));
      }
      warnings = logs.at(Level.WARN);
    }

    assertThat(duringOutage).containsOnly(1.0);
    assertThat(warnings)
        .singleElement()
        .satisfies(w -> assertThat(w).contains("job and creator counts", "simulated outage"));
  }

  @Test
  void should_show_current_values_again_and_say_so_when_the_store_is_back() {
    Rescrape rescrape = rescrape();
    add(rescrape, Platform.INSTAGRAM, "due");
    storeDown.set(true);
    gauge("rescrape.jobs", "status", "PENDING");
    storeDown.set(false);
    rescrape.planner().planDay(WED);

    double afterOutage;
    List<String> infos;
    try (CapturedLogs logs = CapturedLogs.start()) {
      registryClock.add(CACHE);
      afterOutage = gauge("rescrape.jobs", "status", "PENDING");
      infos = logs.at(Level.INFO);
    }

    assertThat(afterOutage).isEqualTo(1);
    assertThat(infos).singleElement().satisfies(i -> assertThat(i).contains("again"));
  }

  @Test
  void should_show_nan_rather_than_throw_before_the_store_was_ever_read() {
    rescrape();

    storeDown.set(true);

    assertThat(gauge("rescrape.jobs", "status", "PENDING")).isNaN();
    assertThat(gauge("rescrape.queue.depth")).isNaN();
    assertThat(gauge("rescrape.creators", "state", "active")).isNaN();
  }

  @Test
  void should_refuse_to_bind_its_gauges_twice() {
    Rescrape rescrape = rescrape();

    assertThatThrownBy(() -> metrics.bindGauges(rescrape))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void should_publish_every_series_in_the_prometheus_scrape() {
    Rescrape rescrape = rescrape();
    addFailingAndSucceedingCreators(rescrape);
    clock.set(NINE.plusSeconds(30));
    rescrape.trigger().arm();

    rescrape.runDaily(WED);
    registryClock.add(CACHE);
    String scrape = registry.scrape();

    assertThat(scrape)
        .contains(
            "rescrape_items_processed_total{outcome=\"OK\",platform=\"instagram\"} 2.0",
            "rescrape_items_processed_total{outcome=\"NOT_FOUND\",platform=\"instagram\"} 1.0",
            "rescrape_items_failed_total{platform=\"tiktok\",reason=\"PRIVATE\"} 1.0",
            "rescrape_items_retried_total{platform=\"instagram\",reason=\"TRANSIENT\"} 0.0",
            "rescrape_scrape_latency_seconds_bucket{platform=\"instagram\",le=\"2.0\"} 2",
            "rescrape_scrape_latency_seconds_count{platform=\"tiktok\"} 1",
            "rescrape_trigger_lateness_seconds_bucket{le=\"60.0\"} 1",
            "rescrape_trigger_lateness_seconds_sum 30.0",
            "rescrape_platform_pauses_total{platform=\"instagram\"} 0.0",
            "rescrape_platform_circuit_openings_total{platform=\"tiktok\"} 0.0",
            "rescrape_jobs{status=\"COMPLETED\"} 1.0",
            "rescrape_jobs{status=\"CANCELLED\"} 0.0",
            "rescrape_queue_depth 0.0",
            "rescrape_creators{state=\"active\"} 5.0",
            "rescrape_creators{state=\"gone\"} 0.0",
            "rescrape_platform_circuit_open{platform=\"instagram\"} 0.0",
            "rescrape_platform_paused{platform=\"tiktok\"} 0.0");
  }

  private Rescrape rescrape() {
    return rescrape(UnaryOperator.identity());
  }

  /** Rescrape on the in-memory stores, its job store failing while {@link #storeDown} is set. */
  private Rescrape rescrape(UnaryOperator<RunnerSettings.Builder> runner) {
    JobStore jobs = Faults.switchable(JobStore.class, stores.jobs(), storeDown);
    Rescrape rescrape =
        Rescrape.builder()
            .creatorStore(stores.creators())
            .jobStore(jobs)
            .workQueue(stores.queue())
            .clock(clock)
            .scraper(instagram)
            .scraper(tiktok)
            .runner(runner.apply(RescrapeFixture.fastRunner()).build())
            .platformGate(gate)
            .listener(RescrapeEventListener.all(metrics, events))
            .build();
    metrics.bindGauges(rescrape);
    instances.add(rescrape);
    return rescrape;
  }

  /** Three Instagram creators, one of them not found, and two TikTok ones, one private. */
  private void addFailingAndSucceedingCreators(Rescrape rescrape) {
    add(rescrape, Platform.INSTAGRAM, "ig.ok.1", "ig.ok.2", "ig.lost");
    add(rescrape, Platform.TIKTOK, "tt.ok", "tt.hidden");
    instagram.script(new Handle("ig.lost"), ScrapeResult.notFound("no such account"));
    tiktok.script(new Handle("tt.hidden"), ScrapeResult.privateAccount(null, "private account"));
    instagram.otherwise(
        handle -> {
          clock.advance(Duration.ofSeconds(1));
          return FakeProfileScraper.profileOf(handle);
        });
  }

  private static List<CreatorId> add(Rescrape rescrape, Platform platform, String... handles) {
    return Arrays.stream(handles)
        .map(handle -> rescrape.creators().add(NewCreator.of(platform, handle)).creatorId())
        .toList();
  }

  /** Marks a creator gone as NOT_FOUND answers in two jobs would. */
  private void markGone(CreatorId id) {
    stores.creators().recordNotFound(List.of(new NotFoundAnswer(id, WED, NINE)), 2);
    stores
        .creators()
        .recordNotFound(
            List.of(new NotFoundAnswer(id, WED.plusDays(1), NINE.plus(Duration.ofDays(1)))), 2);
  }

  private void runInBackground(Rescrape rescrape, DailyJob job) {
    runs.add(CompletableFuture.supplyAsync(() -> rescrape.runner().run(job.id())));
  }

  private double counter(String name, String... tags) {
    return registry.get(name).tags(tags).counter().count();
  }

  private double gauge(String name, String... tags) {
    return registry.get(name).tags(tags).gauge().value();
  }

  private static double bucket(Timer timer, Duration upTo) {
    double seconds = upTo.toNanos() / 1e9;
    for (CountAtBucket bucket : timer.takeSnapshot().histogramCounts()) {
      if (bucket.bucket(SECONDS) == seconds) {
        return bucket.count();
      }
    }
    throw new AssertionError("no bucket of " + upTo);
  }
}
