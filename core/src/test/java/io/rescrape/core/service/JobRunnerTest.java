package io.rescrape.core.service;

import static io.rescrape.core.fixtures.RescrapeFixture.NINE;
import static io.rescrape.core.fixtures.RescrapeFixture.WED;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.common.util.concurrent.Uninterruptibles;
import io.rescrape.core.Rescrape;
import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.CreatorVisit;
import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.ItemFailure;
import io.rescrape.core.domain.ItemResult;
import io.rescrape.core.domain.JobProgress;
import io.rescrape.core.domain.JobStateException;
import io.rescrape.core.domain.JobStatus;
import io.rescrape.core.domain.Lease;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.Profile;
import io.rescrape.core.domain.ProfileStats;
import io.rescrape.core.domain.ScrapeOutcome;
import io.rescrape.core.domain.ScrapeResult;
import io.rescrape.core.domain.WorkItem;
import io.rescrape.core.event.JobQueued;
import io.rescrape.core.event.PlatformPaused;
import io.rescrape.core.event.RetryScheduled;
import io.rescrape.core.fixtures.RescrapeFixture;
import io.rescrape.core.testing.FakeProfileScraper;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JobRunnerTest {

  private final RescrapeFixture fixture = new RescrapeFixture();

  @AfterEach
  void stopInstances() {
    fixture.closeAll();
  }

  @Test
  void should_scrape_every_due_creator_once_and_complete_the_job() {
    List<CreatorId> ids = fixture.addNew("mia", 20);
    Rescrape rescrape = fixture.instance("a");

    RunReport report = rescrape.runDaily(WED).orElseThrow();

    assertThat(report.job().status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(report.progress()).isEqualTo(new JobProgress(0, 0, 20, 0, 0));
    assertThat(fixture.instagram.totalCalls() + fixture.tiktok.totalCalls()).isEqualTo(20);
    assertThat(fixture.creator(ids.get(0)).nextDue())
        .isEqualTo(rescrape.policy().nextDueAfterVisit(fixture.creator(ids.get(0)).day(), WED));
    assertThat(fixture.creator(ids.get(0)).profile()).isNotNull();
    assertThat(fixture.creator(ids.get(0)).lastScrapedAt()).isEqualTo(NINE);
  }

  @Test
  void should_return_each_creator_to_its_own_day() {
    CreatorId id = fixture.addNew(Platform.TIKTOK, "kofi_codes");
    Rescrape rescrape = fixture.instance("a");
    LocalDate day = fixture.creator(id).nextDue();

    rescrape.runDaily(WED);

    LocalDate next = fixture.creator(id).nextDue();
    assertThat(day).isNull();
    assertThat(rescrape.policy().cycle().dayOf(next)).isEqualTo(fixture.creator(id).day());
    assertThat(next).isAfterOrEqualTo(WED.plusDays(4)).isBeforeOrEqualTo(WED.plusDays(10));
  }

  @Test
  void should_scrape_concurrently_up_to_each_platform_limit() {
    fixture.addNew("busy", 80);
    fixture.instagram.latency(Duration.ofMillis(30));
    fixture.tiktok.latency(Duration.ofMillis(30));
    Rescrape rescrape =
        fixture.instance(
            "a", r -> r.concurrency(Platform.INSTAGRAM, 6).concurrency(Platform.TIKTOK, 2));

    rescrape.runDaily(WED);

    assertThat(fixture.instagram.maxInFlight()).isBetween(2, 6);
    assertThat(fixture.tiktok.maxInFlight()).isBetween(1, 2);
  }

  @Test
  void should_retry_a_transient_failure_only_after_its_backoff() {
    fixture.addNew(Platform.INSTAGRAM, "flaky.one");
    fixture.instagram.script(new Handle("flaky.one"), ScrapeResult.transientFailure("timeout"));
    Rescrape rescrape = fixture.instance("a");
    DailyJob job = rescrape.planner().planDay(WED).job();

    CompletableFuture<RunReport> run = runInBackground(rescrape, job);
    await().atMost(5, SECONDS).until(() -> !fixture.events.ofType(RetryScheduled.class).isEmpty());
    RetryScheduled retry = fixture.events.ofType(RetryScheduled.class).get(0);
    await()
        .during(Duration.ofMillis(100))
        .atMost(1, SECONDS)
        .until(() -> fixture.instagram.callsFor(new Handle("flaky.one")) == 1);
    fixture.clock.advance(Duration.ofSeconds(30));
    RunReport report = run.join();

    assertThat(retry.retryAt()).isEqualTo(NINE.plusSeconds(30));
    assertThat(retry.reason()).isEqualTo(ScrapeOutcome.TRANSIENT);
    assertThat(report.job().status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(report.progress().done()).isEqualTo(1);
    assertThat(fixture.instagram.callsFor(new Handle("flaky.one"))).isEqualTo(2);
  }

  @Test
  void should_fail_a_creator_after_its_last_attempt_and_keep_it_due() {
    CreatorId id = fixture.addNew(Platform.INSTAGRAM, "always.down");
    fixture.instagram.otherwise(h -> ScrapeResult.transientFailure("HTTP 503"));
    Rescrape rescrape =
        fixture.instance("a", r -> r.maxAttempts(3).retryBackoff(Duration.ZERO, Duration.ZERO));

    RunReport report = rescrape.runDaily(WED).orElseThrow();

    ItemFailure failure = rescrape.jobs().failures(report.job().id(), 0, 10).get(0);
    assertThat(report.job().status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(failure.reason()).isEqualTo(ScrapeOutcome.TRANSIENT);
    assertThat(failure.attempts()).isEqualTo(3);
    assertThat(failure.message()).isEqualTo("HTTP 503 (gave up after 3 attempts)");
    assertThat(fixture.creator(id).nextDue()).isNull();
  }

  @Test
  void should_report_a_missing_account_without_retrying_it_and_keep_it_due() {
    CreatorId id = fixture.addNew(Platform.TIKTOK, "gone.gone");
    fixture.tiktok.script(new Handle("gone.gone"), ScrapeResult.notFound("statusCode 10221"));
    Rescrape rescrape = fixture.instance("a");

    RunReport report = rescrape.runDaily(WED).orElseThrow();

    assertThat(report.failures()).containsEntry(ScrapeOutcome.NOT_FOUND, 1L);
    assertThat(fixture.tiktok.callsFor(new Handle("gone.gone"))).isEqualTo(1);
    assertThat(fixture.creator(id).nextDue()).isNull();
  }

  @Test
  void should_keep_the_counts_of_a_private_account_and_return_it_to_its_day() {
    CreatorId id = fixture.addNew(Platform.INSTAGRAM, "went.private");
    ProfileStats known = new ProfileStats(500L, 50L, 5L, null);
    fixture
        .stores
        .creators()
        .recordVisits(
            List.of(
                new CreatorVisit(
                    id,
                    NINE.minusSeconds(3600),
                    WED,
                    new Profile("77", "Went", "", false, false, known))));
    fixture.instagram.script(
        new Handle("went.private"),
        ScrapeResult.privateAccount(
            new Profile("77", null, null, null, true, ProfileStats.UNKNOWN), "is_private"));
    Rescrape rescrape = fixture.instance("a");

    RunReport report = rescrape.runDaily(WED).orElseThrow();

    assertThat(report.failures()).containsEntry(ScrapeOutcome.PRIVATE, 1L);
    assertThat(fixture.creator(id).profile().stats()).isEqualTo(known);
    assertThat(fixture.creator(id).profile().privateAccount()).isTrue();
    assertThat(fixture.creator(id).nextDue())
        .isEqualTo(rescrape.policy().nextDueAfterVisit(fixture.creator(id).day(), WED));
  }

  @Test
  void should_pause_a_throttling_platform_at_no_cost_while_the_other_goes_on() {
    fixture.addNew("mixed", 20);
    Handle first = fixture.creator(Platform.INSTAGRAM, "mixed.0").handle();
    fixture.instagram.script(first, ScrapeResult.rateLimited(Duration.ofSeconds(60), "HTTP 429"));
    Rescrape rescrape = fixture.instance("a", r -> r.concurrency(Platform.INSTAGRAM, 1));
    DailyJob job = rescrape.planner().planDay(WED).job();

    CompletableFuture<RunReport> run = runInBackground(rescrape, job);
    await()
        .atMost(5, SECONDS)
        .until(() -> fixture.jobs().progressByPlatform(job.id()).get(Platform.TIKTOK).isComplete());
    int instagramCallsWhilePaused = fixture.instagram.totalCalls();
    fixture.clock.advance(Duration.ofSeconds(60));
    RunReport report = run.join();

    assertThat(instagramCallsWhilePaused).isEqualTo(1);
    assertThat(fixture.events.ofType(PlatformPaused.class))
        .singleElement()
        .satisfies(e -> assertThat(e.until()).isEqualTo(NINE.plusSeconds(60)));
    assertThat(report.job().status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(report.progress().failed()).isZero();
    assertThat(fixture.instagram.callsFor(first)).isEqualTo(2);
    assertThat(fixture.events.ofType(RetryScheduled.class)).isEmpty();
  }

  @Test
  void should_cap_the_pause_a_platform_asks_for() {
    fixture.addNew(Platform.TIKTOK, "slow.down");
    fixture.tiktok.script(
        new Handle("slow.down"), ScrapeResult.rateLimited(Duration.ofDays(3), "HTTP 429"));
    Rescrape rescrape = fixture.instance("a");
    DailyJob job = rescrape.planner().planDay(WED).job();

    CompletableFuture<RunReport> run = runInBackground(rescrape, job);
    await().atMost(5, SECONDS).until(() -> !fixture.events.ofType(PlatformPaused.class).isEmpty());
    fixture.clock.advance(Duration.ofMinutes(15));
    RunReport report = run.join();

    assertThat(fixture.events.ofType(PlatformPaused.class).get(0).until())
        .isEqualTo(NINE.plus(Duration.ofMinutes(15)));
    assertThat(report.job().status()).isEqualTo(JobStatus.COMPLETED);
  }

  @Test
  void should_pause_a_minimum_and_double_it_while_a_platform_keeps_throttling() {
    fixture.addNew(Platform.TIKTOK, "hammered");
    Handle handle = new Handle("hammered");
    ScrapeResult noWait = ScrapeResult.rateLimited(Duration.ZERO, "HTTP 429, Retry-After: 0");
    fixture.tiktok.script(handle, noWait, noWait);
    Rescrape rescrape = fixture.instance("a", r -> r.concurrency(1));
    DailyJob job = rescrape.planner().planDay(WED).job();

    CompletableFuture<RunReport> run = runInBackground(rescrape, job);
    await().atMost(5, SECONDS).until(() -> fixture.events.ofType(PlatformPaused.class).size() == 1);
    fixture.clock.advance(Duration.ofSeconds(5));
    await().atMost(5, SECONDS).until(() -> fixture.events.ofType(PlatformPaused.class).size() == 2);
    fixture.clock.advance(Duration.ofSeconds(10));
    RunReport report = run.join();

    assertThat(fixture.events.ofType(PlatformPaused.class))
        .extracting(PlatformPaused::until)
        .containsExactly(NINE.plusSeconds(5), NINE.plusSeconds(15));
    assertThat(fixture.tiktok.callsFor(handle)).isEqualTo(3);
    assertThat(report.job().status()).isEqualTo(JobStatus.COMPLETED);
  }

  @Test
  void should_skip_a_creator_that_another_job_already_refreshed() {
    CreatorId id = fixture.addNew(Platform.INSTAGRAM, "fresh.already");
    Rescrape rescrape = fixture.instance("a");
    DailyJob job = rescrape.planner().planDay(WED).job();
    fixture
        .stores
        .creators()
        .recordVisits(List.of(new CreatorVisit(id, NINE, WED.plusDays(7), null)));

    RunReport report = rescrape.runner().run(job.id());

    assertThat(report.progress().skipped()).isEqualTo(1);
    assertThat(fixture.instagram.totalCalls()).isZero();
  }

  @Test
  void should_queue_a_job_behind_a_running_one_and_start_it_when_that_ends() {
    fixture.addNew("old", 2);
    DailyJob older = fixture.jobs().createDailyJob(WED.minusDays(1), NINE).job();
    fixture.jobs().start(older.id(), new Lease("other", NINE.plusSeconds(30)), NINE);
    Rescrape rescrape = fixture.instance("a");
    DailyJob today = rescrape.planner().planDay(WED).job();

    CompletableFuture<RunReport> run = runInBackground(rescrape, today);
    await().atMost(5, SECONDS).until(() -> fixture.job(today.id()).status() == JobStatus.QUEUED);
    fixture.jobs().finish(older.id(), "other", JobStatus.COMPLETED, NINE);
    RunReport report = run.join();

    assertThat(fixture.events.ofType(JobQueued.class))
        .singleElement()
        .satisfies(e -> assertThat(e.runningJobId()).isEqualTo(older.id()));
    assertThat(report.job().status()).isEqualTo(JobStatus.COMPLETED);
  }

  @Test
  void should_take_over_an_abandoned_job_and_scrape_only_what_was_not_done() {
    fixture.addNew("crash", 10);
    DailyJob job = fixture.jobs().createDailyJob(WED, NINE).job();
    Lease dead = new Lease("dead", NINE.plusSeconds(30));
    fixture.jobs().start(job.id(), dead, NINE);
    List<WorkItem> done = fixture.stores.queue().claim(job.id(), Platform.INSTAGRAM, 3, dead, NINE);
    fixture
        .jobs()
        .record(
            job.id(),
            done.stream().map(i -> ItemResult.done(i.creatorId())).toList(),
            "dead",
            NINE);
    List<WorkItem> inFlight =
        fixture.stores.queue().claim(job.id(), Platform.TIKTOK, 2, dead, NINE);
    fixture.clock.advance(Duration.ofSeconds(31));
    Rescrape heir = fixture.instance("heir");

    RunReport report = heir.runner().run(job.id());

    assertThat(report.job().status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(report.progress().done()).isEqualTo(10);
    assertThat(done).allSatisfy(i -> assertThat(fixture.instagram.callsFor(i.handle())).isZero());
    assertThat(inFlight)
        .allSatisfy(i -> assertThat(fixture.tiktok.callsFor(i.handle())).isEqualTo(1));
    assertThat(fixture.instagram.totalCalls() + fixture.tiktok.totalCalls()).isEqualTo(7);
  }

  @Test
  void should_interrupt_on_stop_and_resume_where_it_stopped() {
    fixture.addNew("slow", 30);
    fixture.instagram.latency(Duration.ofMillis(20));
    fixture.tiktok.latency(Duration.ofMillis(20));
    Rescrape first = fixture.instance("first", r -> r.concurrency(1));
    DailyJob job = first.planner().planDay(WED).job();

    CompletableFuture<RunReport> run = runInBackground(first, job);
    await().atMost(5, SECONDS).until(() -> fixture.jobs().progress(job.id()).done() >= 6);
    first.runner().stop();
    RunReport interrupted = run.join();
    RunReport resumed = fixture.instance("second").runner().run(job.id());

    assertThat(interrupted.job().status()).isEqualTo(JobStatus.INTERRUPTED);
    assertThat(interrupted.progress().inProgress()).isZero();
    assertThat(interrupted.progress().pending()).isPositive();
    assertThat(resumed.job().status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(resumed.progress().done()).isEqualTo(30);
    assertThat(fixture.instagram.totalCalls() + fixture.tiktok.totalCalls()).isEqualTo(30);
  }

  @Test
  void should_retry_exactly_the_failed_creators_on_request() {
    fixture.addNew("batch", 6);
    Handle missing = fixture.creator(Platform.INSTAGRAM, "batch.2").handle();
    fixture.instagram.script(missing, ScrapeResult.notFound("404"));
    Rescrape rescrape = fixture.instance("a");
    DailyJob job = rescrape.runDaily(WED).orElseThrow().job();

    long reopened = rescrape.jobs().retryFailed(job.id());
    RunReport again = rescrape.runner().run(job.id());

    assertThat(reopened).isEqualTo(1);
    assertThat(again.progress()).isEqualTo(new JobProgress(0, 0, 6, 0, 0));
    assertThat(fixture.instagram.callsFor(missing)).isEqualTo(2);
    assertThat(fixture.instagram.totalCalls() + fixture.tiktok.totalCalls()).isEqualTo(7);
  }

  @Test
  void should_scrape_a_reopened_private_creator_again_instead_of_skipping_it() {
    fixture.addNew(Platform.INSTAGRAM, "went.private");
    Handle handle = new Handle("went.private");
    fixture.instagram.script(handle, ScrapeResult.privateAccount(null, "is_private"));
    Rescrape rescrape = fixture.instance("a");
    DailyJob job = rescrape.runDaily(WED).orElseThrow().job();

    rescrape.jobs().retryFailed(job.id());
    RunReport again = rescrape.runner().run(job.id());

    assertThat(fixture.instagram.callsFor(handle)).isEqualTo(2);
    assertThat(again.progress()).isEqualTo(new JobProgress(0, 0, 1, 0, 0));
  }

  @Test
  void should_help_a_live_instance_with_its_job_and_stay_until_that_instance_closes_it() {
    fixture.addNew("shared", 6);
    DailyJob job = fixture.jobs().createDailyJob(WED, NINE).job();
    fixture.jobs().start(job.id(), new Lease("owner", NINE.plusSeconds(30)), NINE);
    Rescrape helper = fixture.instance("helper", r -> r.lease(Duration.ofMillis(300)));

    CompletableFuture<RunReport> helping = runInBackground(helper, job);
    await().atMost(5, SECONDS).until(() -> fixture.jobs().progress(job.id()).done() == 6);
    boolean stillHelping = !helping.isDone();
    fixture.jobs().finish(job.id(), "owner", JobStatus.COMPLETED, NINE.plusSeconds(1));
    RunReport report = helping.join();

    assertThat(stillHelping).isTrue();
    assertThat(report.progress()).isEqualTo(new JobProgress(0, 0, 6, 0, 0));
    assertThat(report.job().status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(fixture.instagram.totalCalls() + fixture.tiktok.totalCalls()).isEqualTo(6);
  }

  @Test
  void should_complete_a_dead_owners_job_it_helped_to_the_end_once_the_lease_lapses() {
    fixture.addNew("last", 6);
    DailyJob job = fixture.jobs().createDailyJob(WED, NINE).job();
    fixture.jobs().start(job.id(), new Lease("dead", NINE.plusSeconds(30)), NINE);
    Rescrape helper = fixture.instance("helper", r -> r.lease(Duration.ofMillis(300)));

    CompletableFuture<RunReport> helping = runInBackground(helper, job);
    await().atMost(5, SECONDS).until(() -> fixture.jobs().progress(job.id()).done() == 6);
    fixture.clock.advance(Duration.ofSeconds(31));
    RunReport report = helping.join();

    assertThat(report.job().status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(report.job().finishedAt()).isNotNull();
    assertThat(fixture.instagram.totalCalls() + fixture.tiktok.totalCalls()).isEqualTo(6);
  }

  @Test
  void should_take_over_the_job_it_helps_when_its_owner_stops_renewing() {
    fixture.addNew("orphaned", 40);
    fixture.instagram.latency(Duration.ofMillis(30));
    fixture.tiktok.latency(Duration.ofMillis(30));
    DailyJob job = fixture.jobs().createDailyJob(WED, NINE).job();
    fixture.jobs().start(job.id(), new Lease("owner", NINE.plusSeconds(30)), NINE);
    Rescrape helper =
        fixture.instance("helper", r -> r.concurrency(1).lease(Duration.ofMillis(60)));

    CompletableFuture<RunReport> helping = runInBackground(helper, job);
    await().atMost(5, SECONDS).until(() -> fixture.jobs().progress(job.id()).done() >= 2);
    fixture.clock.advance(Duration.ofSeconds(31));
    RunReport report = helping.join();

    assertThat(report.job().status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(report.progress().done()).isEqualTo(40);
    // The 31 s jump also lapses the helper's own item leases: its two scrapes in flight may run
    // again, the "at most the creators in flight" of rule 7.
    assertThat(fixture.instagram.totalCalls() + fixture.tiktok.totalCalls()).isBetween(40, 42);
  }

  @Test
  void should_keep_an_item_whose_scrape_outlasts_the_lease() {
    fixture.addNew("slow", 6);
    Handle slow = new Handle("slow.0");
    fixture.instagram.otherwise(
        handle -> {
          if (handle.equals(slow)) {
            for (int step = 0; step < 50; step++) { // a second, about three leases
              Uninterruptibles.sleepUninterruptibly(Duration.ofMillis(20));
              fixture.clock.advance(Duration.ofMillis(20));
            }
          }
          return FakeProfileScraper.profileOf(handle);
        });
    Rescrape rescrape = fixture.instance("a", r -> r.concurrency(2).lease(Duration.ofMillis(300)));

    RunReport report = rescrape.runDaily(WED).orElseThrow();

    assertThat(fixture.instagram.callsFor(slow)).isEqualTo(1);
    assertThat(report.progress()).isEqualTo(new JobProgress(0, 0, 6, 0, 0));
  }

  @Test
  void should_count_a_scraper_exception_as_a_transient_failure() {
    fixture.addNew(Platform.TIKTOK, "buggy.parser");
    fixture.tiktok.otherwise(
        h -> {
          throw new IllegalStateException("parser bug");
        });
    Rescrape rescrape =
        fixture.instance("a", r -> r.maxAttempts(2).retryBackoff(Duration.ZERO, Duration.ZERO));

    RunReport report = rescrape.runDaily(WED).orElseThrow();

    ItemFailure failure = rescrape.jobs().failures(report.job().id(), 0, 1).get(0);
    assertThat(failure.reason()).isEqualTo(ScrapeOutcome.TRANSIENT);
    assertThat(failure.message()).contains("parser bug");
    assertThat(failure.attempts()).isEqualTo(2);
  }

  @Test
  void should_stop_working_on_a_job_that_is_cancelled() {
    fixture.addNew("cancel", 40);
    fixture.instagram.latency(Duration.ofMillis(20));
    fixture.tiktok.latency(Duration.ofMillis(20));
    Rescrape rescrape = fixture.instance("a", r -> r.concurrency(1).lease(Duration.ofMillis(300)));
    DailyJob job = rescrape.planner().planDay(WED).job();

    CompletableFuture<RunReport> run = runInBackground(rescrape, job);
    await().atMost(5, SECONDS).until(() -> fixture.jobs().progress(job.id()).done() >= 2);
    rescrape.jobs().cancel(job.id());
    RunReport report = run.join();

    assertThat(report.job().status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(report.progress().remaining()).isPositive();
  }

  @Test
  void should_fail_the_job_when_a_platform_has_no_scraper() {
    fixture.addNew("both", 4);
    Rescrape onlyInstagram =
        fixture
            .stores
            .builder()
            .clock(fixture.clock)
            .scraper(new FakeProfileScraper(Platform.INSTAGRAM))
            .runner(RescrapeFixture.fastRunner().build())
            .build();

    RunReport report = onlyInstagram.runDaily(WED).orElseThrow();

    assertThat(report.job().status()).isEqualTo(JobStatus.FAILED);
    assertThat(report.progress().done()).isEqualTo(2);
    assertThat(report.progress().pending()).isEqualTo(2);
  }

  @Test
  void should_refuse_to_run_a_completed_job() {
    fixture.addNew("done", 2);
    Rescrape rescrape = fixture.instance("a");
    DailyJob job = rescrape.runDaily(WED).orElseThrow().job();

    assertThatThrownBy(() -> rescrape.runner().run(job.id()))
        .isInstanceOf(JobStateException.class)
        .hasMessage("job " + job.id() + " is COMPLETED; there is nothing to run");
  }

  private static CompletableFuture<RunReport> runInBackground(Rescrape rescrape, DailyJob job) {
    return CompletableFuture.supplyAsync(() -> rescrape.runner().run(job.id()));
  }
}
