package io.rescrape.core.service;

import static io.rescrape.core.fixtures.RescrapeFixture.NINE;
import static io.rescrape.core.fixtures.RescrapeFixture.WED;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rescrape.core.Rescrape;
import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.JobStatus;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.PlatformStatus;
import io.rescrape.core.domain.PlatformStatus.Circuit;
import io.rescrape.core.domain.RequestBudget;
import io.rescrape.core.domain.ScrapeOutcome;
import io.rescrape.core.domain.ScrapeResult;
import io.rescrape.core.event.CircuitClosed;
import io.rescrape.core.event.CircuitOpened;
import io.rescrape.core.event.PlatformPaused;
import io.rescrape.core.fixtures.RescrapeFixture;
import io.rescrape.core.testing.FakeProfileScraper;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Budgets, circuit breakers, configuration alerts and the pause deadline, end to end. */
@Timeout(60) // a lane that waits for nothing must fail the test, not hang the build
class PlatformProtectionTest {

  private static final Duration HOLD = Duration.ofMillis(200);

  private final RescrapeFixture fixture = new RescrapeFixture();

  @AfterEach
  void stopInstances() {
    fixture.closeAll();
  }

  @Test
  void should_send_no_more_requests_per_window_than_the_budget_whatever_the_concurrency() {
    fixture.addNew("paced", 24); // 12 per platform
    Rescrape rescrape =
        fixture.instance(
            "a", r -> r.concurrency(16).budget(Platform.TIKTOK, RequestBudget.parse("5/1m")));
    DailyJob job = rescrape.planner().planDay(WED).job();

    CompletableFuture<RunReport> run = runInBackground(rescrape, job);
    await().atMost(5, SECONDS).until(() -> fixture.tiktok.totalCalls() == 5);
    await().during(HOLD).atMost(2, SECONDS).until(() -> fixture.tiktok.totalCalls() == 5);
    int instagramCalls = fixture.instagram.totalCalls();
    fixture.clock.advance(Duration.ofMinutes(1));
    await().atMost(5, SECONDS).until(() -> fixture.tiktok.totalCalls() == 10);
    await().during(HOLD).atMost(2, SECONDS).until(() -> fixture.tiktok.totalCalls() == 10);
    fixture.clock.advance(Duration.ofMinutes(1));
    RunReport report = run.join();

    assertThat(instagramCalls).isEqualTo(12);
    assertThat(fixture.tiktok.totalCalls()).isEqualTo(12);
    assertThat(report.job().status()).isEqualTo(JobStatus.COMPLETED);
  }

  @Test
  void should_pace_a_platform_by_the_budget_its_scraper_brings() {
    fixture.addNew("brought", 16); // 8 per platform
    fixture.tiktok.bringsBudget(RequestBudget.parse("3/1m"));
    Rescrape rescrape = fixture.instance("a", r -> r.concurrency(8));
    DailyJob job = rescrape.planner().planDay(WED).job();

    CompletableFuture<RunReport> run = runInBackground(rescrape, job);
    await().atMost(5, SECONDS).until(() -> fixture.instagram.totalCalls() == 8);
    await().during(HOLD).atMost(2, SECONDS).until(() -> fixture.tiktok.totalCalls() == 3);
    fixture.clock.advance(Duration.ofMinutes(1));
    await().atMost(5, SECONDS).until(() -> fixture.tiktok.totalCalls() == 6);
    fixture.clock.advance(Duration.ofMinutes(1));
    RunReport report = run.join();

    assertThat(report.job().status()).isEqualTo(JobStatus.COMPLETED);
  }

  @Test
  void should_end_the_job_when_its_last_items_spend_the_budget_without_waiting_for_the_window() {
    for (int i = 0; i < 4; i++) {
      fixture.addNew(Platform.TIKTOK, "last.four." + i);
    }
    Rescrape rescrape =
        fixture.instance("a", r -> r.budget(Platform.TIKTOK, RequestBudget.parse("4/1h")));

    RunReport report = rescrape.runDaily(WED).orElseThrow();

    assertThat(report.job().status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(fixture.tiktok.totalCalls()).isEqualTo(4);
  }

  @Test
  void should_let_the_settings_replace_or_lift_the_budget_a_scraper_brings() {
    fixture.addNew("lifted", 16); // 8 per platform
    fixture.instagram.bringsBudget(RequestBudget.parse("1/1h"));
    fixture.tiktok.bringsBudget(RequestBudget.parse("1/1h"));
    Rescrape rescrape =
        fixture.instance(
            "a",
            r ->
                r.concurrency(8)
                    .unlimited(Platform.INSTAGRAM)
                    .budget(Platform.TIKTOK, RequestBudget.parse("4/1h")));
    DailyJob job = rescrape.planner().planDay(WED).job();

    CompletableFuture<RunReport> run = runInBackground(rescrape, job);
    await().atMost(5, SECONDS).until(() -> fixture.instagram.totalCalls() == 8);
    await().during(HOLD).atMost(2, SECONDS).until(() -> fixture.tiktok.totalCalls() == 4);
    fixture.clock.advance(Duration.ofHours(1));
    RunReport report = run.join();

    assertThat(report.job().status()).isEqualTo(JobStatus.COMPLETED);
  }

  @Test
  void should_keep_one_budget_between_instances_that_share_the_gate() {
    for (int i = 0; i < 8; i++) {
      fixture.addNew(Platform.INSTAGRAM, "shared." + i);
    }
    RequestBudget budget = RequestBudget.parse("3/1m");
    Rescrape owner = fixture.instance("owner", r -> r.budget(Platform.INSTAGRAM, budget));
    Rescrape helper =
        fixture.instance(
            "helper", r -> r.budget(Platform.INSTAGRAM, budget).lease(Duration.ofSeconds(3)));
    DailyJob job = owner.planner().planDay(WED).job();

    CompletableFuture<RunReport> first = runInBackground(owner, job);
    await().atMost(5, SECONDS).until(() -> fixture.instagram.totalCalls() == 3);
    CompletableFuture<RunReport> second = runInBackground(helper, job);
    await().during(HOLD).atMost(2, SECONDS).until(() -> fixture.instagram.totalCalls() == 3);
    fixture.clock.advance(Duration.ofMinutes(1));
    await().atMost(5, SECONDS).until(() -> fixture.instagram.totalCalls() == 6);
    await().during(HOLD).atMost(2, SECONDS).until(() -> fixture.instagram.totalCalls() == 6);
    fixture.clock.advance(Duration.ofMinutes(1));
    first.join();
    second.join();

    assertThat(fixture.instagram.totalCalls()).isEqualTo(8);
    assertThat(fixture.job(job.id()).status()).isEqualTo(JobStatus.COMPLETED);
  }

  @Test
  void should_open_the_circuit_when_most_answers_are_blocks_and_leave_the_rest_pending() {
    fixture.addNew("walled", 40); // 20 per platform
    fixture.instagram.otherwise(h -> ScrapeResult.blocked("HTTP 302: redirected to a login page"));
    Rescrape rescrape =
        fixture.instance(
            "a",
            r ->
                r.concurrency(1)
                    .breaker(10, 0.5)
                    .breakerCooldown(Duration.ofMinutes(2))
                    .retryBackoff(Duration.ofHours(1), Duration.ofHours(1)));
    DailyJob job = rescrape.planner().planDay(WED).job();

    CompletableFuture<RunReport> run = runInBackground(rescrape, job);
    await().atMost(5, SECONDS).until(() -> !fixture.events.ofType(CircuitOpened.class).isEmpty());
    await().during(HOLD).atMost(2, SECONDS).until(() -> fixture.instagram.totalCalls() == 5);
    PlatformStatus open = rescrape.runner().platformStatuses().get(0);
    fixture.instagram.otherwise(FakeProfileScraper::profileOf);
    fixture.clock.advance(Duration.ofMinutes(2));
    await().atMost(5, SECONDS).until(() -> !fixture.events.ofType(CircuitClosed.class).isEmpty());
    fixture.clock.advance(Duration.ofHours(1));
    RunReport report = run.join();

    assertThat(open.circuit()).isEqualTo(Circuit.OPEN);
    assertThat(open.failingSince()).isEqualTo(NINE);
    assertThat(open.pausedUntil()).isEqualTo(NINE.plus(Duration.ofMinutes(2)));
    assertThat(open.reason()).contains("login page");
    assertThat(fixture.events.ofType(CircuitOpened.class)).hasSize(1);
    assertThat(report.job().status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(report.progress().done()).isEqualTo(40);
    assertThat(rescrape.runner().platformStatuses()).allMatch(PlatformStatus::isServing);
  }

  @Test
  void should_reopen_a_circuit_for_twice_as_long_when_the_trial_request_fails() {
    fixture.addNew(Platform.TIKTOK, "still.walled");
    for (int i = 0; i < 5; i++) {
      fixture.addNew(Platform.TIKTOK, "walled." + i);
    }
    fixture.tiktok.otherwise(h -> ScrapeResult.structureChanged("no userInfo.user object"));
    Rescrape rescrape =
        fixture.instance(
            "a", r -> r.concurrency(1).breaker(4, 0.5).breakerCooldown(Duration.ofMinutes(1)));
    DailyJob job = rescrape.planner().planDay(WED).job();

    CompletableFuture<RunReport> run = runInBackground(rescrape, job);
    await().atMost(5, SECONDS).until(() -> fixture.events.ofType(CircuitOpened.class).size() == 1);
    fixture.clock.advance(Duration.ofMinutes(1));
    await().atMost(5, SECONDS).until(() -> fixture.events.ofType(CircuitOpened.class).size() == 2);
    int callsAfterTrial = fixture.tiktok.totalCalls();
    fixture.tiktok.otherwise(FakeProfileScraper::profileOf);
    fixture.clock.advance(Duration.ofMinutes(2));
    RunReport report = run.join();

    assertThat(fixture.events.ofType(CircuitOpened.class))
        .extracting(CircuitOpened::until)
        .containsExactly(NINE.plusSeconds(60), NINE.plusSeconds(60 + 120));
    assertThat(fixture.events.ofType(CircuitOpened.class))
        .extracting(CircuitOpened::failingSince)
        .containsOnly(NINE);
    assertThat(callsAfterTrial).isEqualTo(3);
    assertThat(report.failures()).containsEntry(ScrapeOutcome.STRUCTURE_CHANGED, 3L);
    assertThat(report.progress().done()).isEqualTo(3);
  }

  @Test
  void should_pause_a_platform_that_rejects_our_client_at_no_cost_to_its_creators() {
    fixture.addNew("alerted", 10);
    ScrapeResult rejected = ScrapeResult.misconfigured("HTTP 429: useragent mismatch");
    fixture.instagram.otherwise(h -> rejected);
    Rescrape rescrape =
        fixture.instance(
            "a", r -> r.concurrency(1).breakerCooldown(Duration.ofMinutes(5)).maxAttempts(1));
    DailyJob job = rescrape.planner().planDay(WED).job();

    CompletableFuture<RunReport> run = runInBackground(rescrape, job);
    await()
        .atMost(5, SECONDS)
        .until(() -> fixture.jobs().progressByPlatform(job.id()).get(Platform.TIKTOK).isComplete());
    await().during(HOLD).atMost(2, SECONDS).until(() -> fixture.instagram.totalCalls() == 1);
    fixture.instagram.otherwise(FakeProfileScraper::profileOf);
    fixture.clock.advance(Duration.ofMinutes(5));
    RunReport report = run.join();

    assertThat(fixture.events.ofType(CircuitOpened.class))
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).contains("useragent mismatch"))
        .satisfies(e -> assertThat(e.until()).isEqualTo(NINE.plus(Duration.ofMinutes(5))));
    assertThat(report.job().status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(report.progress().failed()).isZero();
  }

  @Test
  void should_stop_the_job_interrupted_when_a_platform_refuses_us_past_the_deadline() {
    fixture.addNew("throttled", 10);
    fixture.instagram.otherwise(h -> ScrapeResult.rateLimited(null, "HTTP 429"));
    Rescrape rescrape =
        fixture.instance(
            "a",
            r ->
                r.concurrency(1)
                    .rateLimitPause(Duration.ofMinutes(1))
                    .pauseDeadline(Duration.ofMinutes(2)));
    DailyJob job = rescrape.planner().planDay(WED).job();

    CompletableFuture<RunReport> run = runInBackground(rescrape, job);
    await().atMost(5, SECONDS).until(() -> fixture.instagram.totalCalls() == 1);
    fixture.clock.advance(Duration.ofSeconds(61));
    await().atMost(5, SECONDS).until(() -> fixture.instagram.totalCalls() == 2);
    fixture.clock.advance(Duration.ofSeconds(60));
    RunReport report = run.join();

    assertThat(report.job().status()).isEqualTo(JobStatus.INTERRUPTED);
    assertThat(report.progress().pending()).isEqualTo(5);
    assertThat(report.progress().done()).isEqualTo(5);
    assertThat(report.progress().failed()).isZero();
    assertThat(fixture.instagram.totalCalls()).isEqualTo(2);
  }

  @Test
  void should_wait_a_whole_deadline_again_when_the_interrupted_job_is_resumed() {
    fixture.addNew(Platform.INSTAGRAM, "refused.one");
    fixture.instagram.otherwise(h -> ScrapeResult.rateLimited(null, "HTTP 429"));
    Rescrape rescrape =
        fixture.instance(
            "a",
            r ->
                r.rateLimitPause(Duration.ofMinutes(10))
                    .maxRateLimitPause(Duration.ofMinutes(10))
                    .pauseDeadline(Duration.ofMinutes(2)));
    DailyJob job = rescrape.planner().planDay(WED).job();
    CompletableFuture<RunReport> first = runInBackground(rescrape, job);
    await().atMost(5, SECONDS).until(() -> fixture.instagram.totalCalls() == 1);
    fixture.clock.advance(Duration.ofMinutes(3));
    assertThat(first.join().job().status()).isEqualTo(JobStatus.INTERRUPTED);

    CompletableFuture<RunReport> resumed = runInBackground(rescrape, job);
    await()
        .during(HOLD)
        .atMost(2, SECONDS)
        .until(() -> fixture.job(job.id()).status() == JobStatus.RUNNING);
    fixture.clock.advance(Duration.ofMinutes(2));
    RunReport report = resumed.join();

    assertThat(report.job().status()).isEqualTo(JobStatus.INTERRUPTED);
    assertThat(report.progress().pending()).isEqualTo(1);
    assertThat(report.progress().failed()).isZero();
  }

  @Test
  void should_show_a_throttled_platform_as_paused_with_what_it_answered() {
    fixture.addNew(Platform.TIKTOK, "slowed.down");
    fixture.tiktok.otherwise(h -> ScrapeResult.rateLimited(Duration.ofSeconds(90), "HTTP 429"));
    Rescrape rescrape = fixture.instance("a", r -> r.concurrency(1));
    DailyJob job = rescrape.planner().planDay(WED).job();

    CompletableFuture<RunReport> run = runInBackground(rescrape, job);
    await().atMost(5, SECONDS).until(() -> !fixture.events.ofType(PlatformPaused.class).isEmpty());
    PlatformStatus tiktok = rescrape.runner().platformStatuses().get(1);
    fixture.tiktok.otherwise(FakeProfileScraper::profileOf);
    fixture.clock.advance(Duration.ofSeconds(90));
    run.join();

    assertThat(tiktok.platform()).isEqualTo(Platform.TIKTOK);
    assertThat(tiktok.circuit()).isEqualTo(Circuit.CLOSED);
    assertThat(tiktok.isServing()).isFalse();
    assertThat(tiktok.pausedUntil()).isEqualTo(NINE.plusSeconds(90));
    assertThat(tiktok.reason()).isEqualTo("HTTP 429");
    assertThat(rescrape.runner().platformStatuses().get(1).reason()).isEmpty();
  }

  @Test
  void should_sleep_through_a_pause_rather_than_ask_the_gate_in_a_loop() {
    fixture.addNew(Platform.INSTAGRAM, "paused.one");
    fixture.addNew(Platform.INSTAGRAM, "paused.two");
    fixture.instagram.script(
        new Handle("paused.one"), ScrapeResult.rateLimited(Duration.ofMinutes(1), "HTTP 429"));
    Rescrape rescrape =
        fixture.instance("a", r -> r.concurrency(1).idlePoll(Duration.ofMillis(50)));
    DailyJob job = rescrape.planner().planDay(WED).job();

    CompletableFuture<RunReport> run = runInBackground(rescrape, job);
    await().atMost(5, SECONDS).until(() -> !fixture.events.ofType(PlatformPaused.class).isEmpty());
    int before = fixture.gate.questions();
    await().pollDelay(Duration.ofMillis(500)).atMost(2, SECONDS).until(() -> true);
    int during = fixture.gate.questions() - before;
    fixture.clock.advance(Duration.ofMinutes(1));
    run.join();

    assertThat(during)
        .as("gate questions in 500 ms of pause at a 50 ms idle poll")
        .isBetween(1, 30);
  }

  private static CompletableFuture<RunReport> runInBackground(Rescrape rescrape, DailyJob job) {
    return CompletableFuture.supplyAsync(() -> rescrape.runner().run(job.id()));
  }
}
