package io.rescrape.core.contract;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.DailyJobCreation;
import io.rescrape.core.domain.ItemFailure;
import io.rescrape.core.domain.ItemResult;
import io.rescrape.core.domain.JobId;
import io.rescrape.core.domain.JobProgress;
import io.rescrape.core.domain.JobStatus;
import io.rescrape.core.domain.Lease;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.ScrapeOutcome;
import io.rescrape.core.domain.WorkItem;
import io.rescrape.core.port.CreatorStore;
import io.rescrape.core.port.JobStore;
import io.rescrape.core.port.JobStore.StartOutcome;
import io.rescrape.core.port.LedgerWorkQueue;
import io.rescrape.core.port.WorkQueue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link JobStore} and its {@link WorkQueue} must do. Subclasses supply the backend. */
public abstract class JobStoreContract {

  protected static final LocalDate WED = LocalDate.of(2025, 8, 27);
  protected static final Instant NINE = Instant.parse("2025-08-27T09:00:00Z");
  private static final Duration LEASE = Duration.ofSeconds(30);

  private Stores stores;
  protected CreatorStore creators;
  protected JobStore jobs;
  protected WorkQueue queue;

  protected abstract Stores newStores() throws Exception;

  /** Threads used by the contention tests; backends with a connection pool size it to match. */
  protected int contenders() {
    return 16;
  }

  @BeforeEach
  void openStores() throws Exception {
    stores = newStores();
    creators = stores.creators();
    jobs = stores.jobs();
    queue = stores.queue();
  }

  @AfterEach
  void closeStores() throws Exception {
    stores.close();
  }

  @Test
  void should_create_a_job_holding_every_creator_due_on_its_date() {
    TestCreators.add(creators, "due", 5, WEDNESDAY, WED);
    TestCreators.add(creators, "new", 2, MONDAY, null);
    TestCreators.add(creators, "later", 4, MONDAY, WED.plusDays(5));

    DailyJobCreation creation = jobs.createDailyJob(WED, NINE);

    assertThat(creation.created()).isTrue();
    DailyJob job = creation.job();
    assertThat(job.date()).isEqualTo(WED);
    assertThat(job.status()).isEqualTo(JobStatus.PENDING);
    assertThat(job.totalItems()).isEqualTo(7);
    assertThat(job.createdAt()).isEqualTo(NINE);
    assertThat(job.description()).isEqualTo("Daily rescrape - 7 creators due (2025-08-27)");
    assertThat(jobs.progress(job.id())).isEqualTo(new JobProgress(7, 0, 0, 0, 0));
    assertThat(jobs.progressByPlatform(job.id()).get(Platform.INSTAGRAM).pending()).isEqualTo(4);
  }

  @Test
  void should_answer_a_new_job_as_a_later_read_shows_it() {
    TestCreators.add(creators, "due", 2, WEDNESDAY, WED);
    Instant finerThanMicros = NINE.plusNanos(123_456_789);

    DailyJob created = jobs.createDailyJob(WED, finerThanMicros).job();

    assertThat(jobs.find(created.id())).contains(created);
  }

  @Test
  void should_leave_gone_creators_out_of_the_daily_job() {
    List<CreatorId> due = TestCreators.add(creators, "due", 4, WEDNESDAY, WED);
    TestCreators.markGone(creators, due.get(0), WED.minusDays(3));
    TestCreators.markGone(creators, TestCreators.add(creators, "new", 1, MONDAY, null).get(0), WED);

    DailyJob job = jobs.createDailyJob(WED, NINE).job();

    assertThat(job.totalItems()).isEqualTo(3);
    assertThat(ids(drainAndKeep(job))).doesNotContain(due.get(0));
  }

  @Test
  void should_name_a_failed_creator_by_its_display_handle_too() {
    creators.addAll(
        List.of(
            TestCreators.written(
                Platform.TIKTOK, "https://www.tiktok.com/@Kofi_Codes?lang=en", WEDNESDAY, WED)),
        TestCreators.ADDED_AT);
    DailyJob job = jobs.createDailyJob(WED, NINE).job();
    jobs.start(job.id(), lease("w"), NINE);
    WorkItem item = queue.claim(job.id(), Platform.TIKTOK, 1, lease("w"), NINE).get(0);
    jobs.record(
        job.id(),
        List.of(ItemResult.failed(item.creatorId(), ScrapeOutcome.NOT_FOUND, "no such account")),
        "w",
        NINE.plusSeconds(1));

    ItemFailure failure = jobs.failures(job.id(), 0, 10).get(0);

    assertThat(failure.handle().value()).isEqualTo("kofi_codes");
    assertThat(failure.displayHandle()).isEqualTo("Kofi_Codes");
  }

  @Test
  void should_return_the_existing_job_when_its_date_is_planned_again() {
    TestCreators.add(creators, "due", 3, WEDNESDAY, WED);
    DailyJob first = jobs.createDailyJob(WED, NINE).job();
    TestCreators.add(creators, "late.addition", 2, WEDNESDAY, null);

    DailyJobCreation second = jobs.createDailyJob(WED, NINE.plusSeconds(60));

    assertThat(second.created()).isFalse();
    assertThat(second.job().id()).isEqualTo(first.id());
    assertThat(second.job().totalItems()).isEqualTo(3);
    assertThat(jobs.recent(10)).hasSize(1);
  }

  @Test
  void should_create_nothing_when_no_creator_is_due() {
    TestCreators.add(creators, "later", 3, MONDAY, WED.plusDays(5));

    DailyJobCreation creation = jobs.createDailyJob(WED, NINE);

    assertThat(creation.isNothingDue()).isTrue();
    assertThat(jobs.findByDate(WED)).isEmpty();
  }

  @Test
  void should_create_one_job_when_many_callers_plan_the_same_date_at_once() throws Exception {
    TestCreators.add(creators, "due", 50, WEDNESDAY, WED);

    List<DailyJobCreation> results = concurrently(() -> jobs.createDailyJob(WED, NINE));

    assertThat(results).filteredOn(DailyJobCreation::created).hasSize(1);
    assertThat(results).extracting(r -> r.job().id()).containsOnly(results.get(0).job().id());
    assertThat(jobs.progress(results.get(0).job().id()).total()).isEqualTo(50);
  }

  @Test
  void should_start_one_job_at_a_time() {
    DailyJob wednesday = jobOf(WED, 2);
    DailyJob thursday = jobOf(WED.plusDays(1), 2);

    assertThat(jobs.start(wednesday.id(), lease("a"), NINE)).isEqualTo(StartOutcome.STARTED);
    assertThat(jobs.start(thursday.id(), lease("b"), NINE)).isEqualTo(StartOutcome.BLOCKED);
    assertThat(jobs.running().orElseThrow().id()).isEqualTo(wednesday.id());
  }

  @Test
  void should_let_one_of_many_instances_start_a_job() throws Exception {
    DailyJob job = jobOf(WED, 2);

    List<String> winners = new ArrayList<>();
    List<StartOutcome> outcomes =
        concurrently(
            () -> {
              String owner = "instance-" + Thread.currentThread().getId();
              StartOutcome outcome = jobs.start(job.id(), lease(owner), NINE);
              if (outcome == StartOutcome.STARTED) {
                synchronized (winners) {
                  winners.add(owner);
                }
              }
              return outcome;
            });

    assertThat(outcomes).filteredOn(o -> o == StartOutcome.STARTED).hasSize(1);
    assertThat(jobs.find(job.id()).orElseThrow().lease().owner()).isEqualTo(winners.get(0));
  }

  @Test
  void should_let_another_instance_take_over_a_job_whose_lease_lapsed() {
    DailyJob job = jobOf(WED, 2);
    jobs.start(job.id(), new Lease("dead", NINE.plusSeconds(30)), NINE);

    StartOutcome early = jobs.start(job.id(), lease("heir"), NINE.plusSeconds(10));
    StartOutcome late = jobs.start(job.id(), lease("heir"), NINE.plusSeconds(31));

    assertThat(early).isEqualTo(StartOutcome.NOT_STARTABLE);
    assertThat(late).isEqualTo(StartOutcome.STARTED);
    assertThat(jobs.find(job.id()).orElseThrow().lease().owner()).isEqualTo("heir");
    assertThat(jobs.renewLease(job.id(), lease("dead"))).isFalse();
  }

  @Test
  void should_list_runnable_jobs_oldest_first_including_abandoned_ones() {
    DailyJob abandoned = jobOf(WED, 1);
    DailyJob pending = jobOf(WED.plusDays(1), 1);
    DailyJob done = jobOf(WED.minusDays(1), 1);
    jobs.start(done.id(), lease("x"), NINE);
    jobs.finish(done.id(), "x", JobStatus.COMPLETED, NINE);
    jobs.start(abandoned.id(), new Lease("dead", NINE.plusSeconds(30)), NINE);

    List<DailyJob> before = jobs.runnable(NINE.plusSeconds(10));
    List<DailyJob> after = jobs.runnable(NINE.plusSeconds(31));

    assertThat(before).extracting(DailyJob::id).containsExactly(pending.id());
    assertThat(after).extracting(DailyJob::id).containsExactly(abandoned.id(), pending.id());
  }

  @Test
  void should_refuse_to_start_a_completed_or_cancelled_job() {
    DailyJob completed = jobOf(WED, 1);
    DailyJob cancelled = jobOf(WED.plusDays(1), 1);
    jobs.start(completed.id(), lease("a"), NINE);
    jobs.finish(completed.id(), "a", JobStatus.COMPLETED, NINE);
    jobs.cancel(cancelled.id(), NINE);

    assertThat(jobs.start(completed.id(), lease("a"), NINE)).isEqualTo(StartOutcome.NOT_STARTABLE);
    assertThat(jobs.start(cancelled.id(), lease("a"), NINE)).isEqualTo(StartOutcome.NOT_STARTABLE);
    assertThat(jobs.start(new JobId(999_999), lease("a"), NINE))
        .isEqualTo(StartOutcome.NOT_STARTABLE);
  }

  @Test
  void should_let_only_the_owner_finish_a_job() {
    DailyJob job = jobOf(WED, 1);
    jobs.start(job.id(), lease("owner"), NINE);

    assertThat(jobs.finish(job.id(), "intruder", JobStatus.COMPLETED, NINE)).isFalse();
    assertThat(jobs.finish(job.id(), "owner", JobStatus.INTERRUPTED, NINE.plusSeconds(5))).isTrue();

    DailyJob stored = jobs.find(job.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(JobStatus.INTERRUPTED);
    assertThat(stored.lease()).isNull();
    assertThat(stored.startedAt()).isEqualTo(NINE);
    assertThat(stored.finishedAt()).isEqualTo(NINE.plusSeconds(5));
  }

  @Test
  void should_queue_a_pending_job() {
    DailyJob job = jobOf(WED, 1);

    assertThat(jobs.markQueued(job.id())).isTrue();
    assertThat(jobs.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);
  }

  @Test
  void should_claim_only_pending_items_of_the_platform_asked_for() {
    DailyJob job = runningJob(6);

    List<WorkItem> claimed = queue.claim(job.id(), Platform.INSTAGRAM, 10, lease("w"), NINE);

    assertThat(claimed)
        .hasSize(3)
        .allSatisfy(
            item -> {
              assertThat(item.platform()).isEqualTo(Platform.INSTAGRAM);
              assertThat(item.attempt()).isEqualTo(1);
              assertThat(item.jobId()).isEqualTo(job.id());
              assertThat(item.nextDue()).isEqualTo(WED);
            });
    assertThat(jobs.progress(job.id())).isEqualTo(new JobProgress(3, 3, 0, 0, 0));
    assertThat(queue.claim(job.id(), Platform.INSTAGRAM, 10, lease("w"), NINE)).isEmpty();
  }

  @Test
  void should_record_a_batch_of_final_results_and_leave_finished_items_as_they_are() {
    DailyJob job = runningJob(8);
    List<WorkItem> claimed = queue.claim(job.id(), Platform.INSTAGRAM, 4, lease("w"), NINE);
    jobs.record(job.id(), List.of(ItemResult.done(claimed.get(3).creatorId())), "w", NINE);

    jobs.record(
        job.id(),
        List.of(
            ItemResult.done(claimed.get(0).creatorId()),
            ItemResult.failed(claimed.get(1).creatorId(), ScrapeOutcome.PRIVATE, "hidden"),
            ItemResult.skipped(claimed.get(2).creatorId(), "removed"),
            ItemResult.failed(claimed.get(3).creatorId(), ScrapeOutcome.NOT_FOUND, "late")),
        "w",
        NINE.plusSeconds(5));

    assertThat(jobs.progress(job.id())).isEqualTo(new JobProgress(4, 0, 2, 1, 1));
    ItemFailure failure = jobs.failures(job.id(), 0, 10).get(0);
    assertThat(failure.creatorId()).isEqualTo(claimed.get(1).creatorId());
    assertThat(failure.reason()).isEqualTo(ScrapeOutcome.PRIVATE);
    assertThat(failure.message()).isEqualTo("hidden");
    assertThat(failure.failedAt()).isEqualTo(NINE.plusSeconds(5));
  }

  @Test
  void should_hand_out_no_work_for_a_job_that_is_not_running() {
    DailyJob job = jobOf(WED, 4);

    assertThat(queue.claim(job.id(), Platform.INSTAGRAM, 10, lease("w"), NINE)).isEmpty();
  }

  @Test
  void should_hand_out_an_item_again_when_its_lease_lapses() {
    DailyJob job = runningJob(2);
    queue.claim(job.id(), Platform.INSTAGRAM, 10, new Lease("dead", NINE.plusSeconds(30)), NINE);

    List<WorkItem> early =
        queue.claim(job.id(), Platform.INSTAGRAM, 10, lease("w"), NINE.plusSeconds(29));
    List<WorkItem> late =
        queue.claim(job.id(), Platform.INSTAGRAM, 10, lease("w"), NINE.plusSeconds(30));

    assertThat(early).isEmpty();
    assertThat(late).singleElement().satisfies(item -> assertThat(item.attempt()).isEqualTo(2));
  }

  @Test
  void should_never_hand_one_item_to_two_claimers_at_once() throws Exception {
    DailyJob job = runningJob(400);
    Set<CreatorId> seen = ConcurrentHashMap.newKeySet();

    List<Integer> duplicates =
        concurrently(
            () -> {
              int dups = 0;
              String owner = "w" + Thread.currentThread().getId();
              List<WorkItem> batch;
              do {
                batch = queue.claim(job.id(), Platform.INSTAGRAM, 7, lease(owner), NINE);
                dups += seenBefore(seen, batch);
              } while (!batch.isEmpty());
              return dups;
            });

    assertThat(duplicates).containsOnly(0);
    assertThat(seen).hasSize(200);
  }

  @Test
  void should_list_pending_items_page_by_page() {
    DailyJob job = runningJob(10);
    LedgerWorkQueue ledger = ledgerQueue();
    queue.claim(job.id(), Platform.INSTAGRAM, 1, lease("w"), NINE);

    List<CreatorId> first = ledger.pending(job.id(), Platform.INSTAGRAM, null, 3);
    List<CreatorId> rest = ledger.pending(job.id(), Platform.INSTAGRAM, first.get(2), 10);

    assertThat(first).hasSize(3).isSorted();
    assertThat(rest).hasSize(1);
    assertThat(rest.get(0)).isGreaterThan(first.get(2));
  }

  @Test
  void should_extend_the_item_leases_of_one_owner_only() {
    DailyJob job = runningJob(8);
    List<WorkItem> mine = queue.claim(job.id(), Platform.INSTAGRAM, 2, lease("slow"), NINE);
    List<WorkItem> theirs = queue.claim(job.id(), Platform.INSTAGRAM, 1, lease("other"), NINE);
    Instant afterFirstLease = NINE.plus(LEASE).plusSeconds(1);

    int renewed =
        jobs.renewItemLeases(job.id(), new Lease("slow", NINE.plus(LEASE.multipliedBy(2))));
    List<WorkItem> reclaimed =
        queue.claim(job.id(), Platform.INSTAGRAM, 10, lease("thief"), afterFirstLease);

    assertThat(renewed).isEqualTo(2);
    assertThat(reclaimed)
        .extracting(WorkItem::creatorId)
        .doesNotContainAnyElementsOf(mine.stream().map(WorkItem::creatorId).toList())
        .contains(theirs.get(0).creatorId());
  }

  @Test
  void should_list_the_items_whose_lease_lapsed() {
    DailyJob job = runningJob(8);
    LedgerWorkQueue ledger = ledgerQueue();
    List<CreatorId> instagram = ledger.pending(job.id(), Platform.INSTAGRAM, null, 10);
    Lease shortLease = new Lease("dead", NINE.plusSeconds(10));
    ledger.claim(job.id(), Platform.INSTAGRAM, instagram.subList(0, 2), shortLease, NINE);
    ledger.claim(job.id(), Platform.INSTAGRAM, instagram.subList(2, 3), lease("alive"), NINE);
    ledger.claim(job.id(), Platform.TIKTOK, 1, shortLease, NINE);

    assertThat(ledger.lapsed(job.id(), Platform.INSTAGRAM, NINE.plusSeconds(5), 10)).isEmpty();
    assertThat(ledger.lapsed(job.id(), Platform.INSTAGRAM, NINE.plusSeconds(10), 10))
        .containsExactlyInAnyOrderElementsOf(instagram.subList(0, 2));
    assertThat(ledger.lapsed(job.id(), Platform.INSTAGRAM, NINE.plusSeconds(10), 1)).hasSize(1);
  }

  @Test
  void should_lease_only_those_named_items_that_are_claimable() {
    DailyJob job = runningJob(8);
    LedgerWorkQueue ledger = ledgerQueue();
    List<CreatorId> instagram = ledger.pending(job.id(), Platform.INSTAGRAM, null, 10);
    List<CreatorId> tiktok = ledger.pending(job.id(), Platform.TIKTOK, null, 10);
    WorkItem held =
        ledger
            .claim(job.id(), Platform.INSTAGRAM, List.of(instagram.get(0)), lease("other"), NINE)
            .get(0);
    jobs.record(job.id(), List.of(ItemResult.done(instagram.get(1))), "w", NINE);

    List<WorkItem> leased =
        ledger.claim(
            job.id(),
            Platform.INSTAGRAM,
            List.of(instagram.get(0), instagram.get(1), instagram.get(2), tiktok.get(0)),
            lease("w"),
            NINE);

    assertThat(held.creatorId()).isEqualTo(instagram.get(0));
    assertThat(leased).extracting(WorkItem::creatorId).containsExactly(instagram.get(2));
    assertThat(leased.get(0).attempt()).isEqualTo(1);
  }

  @Test
  void should_never_lease_a_named_item_to_two_claimers() throws Exception {
    DailyJob job = runningJob(200);
    LedgerWorkQueue ledger = ledgerQueue();
    List<CreatorId> all = ledger.pending(job.id(), Platform.INSTAGRAM, null, 1_000);
    Set<CreatorId> seen = ConcurrentHashMap.newKeySet();

    List<Integer> duplicates =
        concurrently(
            () -> {
              int dups = 0;
              String owner = "w" + Thread.currentThread().getId();
              for (List<CreatorId> slice : slices(all, 7)) {
                dups +=
                    seenBefore(
                        seen,
                        ledger.claim(job.id(), Platform.INSTAGRAM, slice, lease(owner), NINE));
              }
              return dups;
            });

    assertThat(duplicates).containsOnly(0);
    assertThat(seen).hasSize(100);
  }

  @Test
  void should_keep_a_final_result_once_written() {
    DailyJob job = runningJob(2);
    WorkItem item = claimOne(job, "w");
    jobs.record(job.id(), List.of(ItemResult.done(item.creatorId())), "w", NINE);

    jobs.record(
        job.id(),
        List.of(ItemResult.failed(item.creatorId(), ScrapeOutcome.NOT_FOUND, "late duplicate")),
        "other",
        NINE);

    assertThat(jobs.progress(job.id()).done()).isEqualTo(1);
    assertThat(jobs.failureCounts(job.id())).isEmpty();
  }

  @Test
  void should_mark_items_this_job_has_tried_before() {
    DailyJob job = runningJob(2);
    WorkItem fresh = claimOne(job, "w");
    jobs.record(
        job.id(),
        List.of(ItemResult.retry(fresh.creatorId(), ScrapeOutcome.TRANSIENT, "timeout", NINE)),
        "w",
        NINE);

    WorkItem retried = queue.claim(job.id(), Platform.INSTAGRAM, 1, lease("w"), NINE).get(0);

    assertThat(fresh.triedBefore()).isFalse();
    assertThat(retried.triedBefore()).isTrue();
  }

  @Test
  void should_hold_a_retried_item_back_until_its_retry_time() {
    DailyJob job = runningJob(2);
    WorkItem item = claimOne(job, "w");
    Instant retryAt = NINE.plusSeconds(30);

    jobs.record(
        job.id(),
        List.of(ItemResult.retry(item.creatorId(), ScrapeOutcome.TRANSIENT, "timeout", retryAt)),
        "w",
        NINE);

    assertThat(queue.claim(job.id(), Platform.INSTAGRAM, 5, lease("w"), retryAt.minusMillis(1)))
        .isEmpty();
    assertThat(queue.claim(job.id(), Platform.INSTAGRAM, 5, lease("w"), retryAt))
        .singleElement()
        .satisfies(again -> assertThat(again.attempt()).isEqualTo(2));
  }

  @Test
  void should_not_count_a_deferred_attempt() {
    DailyJob job = runningJob(2);
    WorkItem item = claimOne(job, "w");

    jobs.record(
        job.id(),
        List.of(
            ItemResult.deferred(
                item.creatorId(), ScrapeOutcome.RATE_LIMITED, "429", NINE.plusSeconds(5))),
        "w",
        NINE);

    WorkItem again =
        queue.claim(job.id(), Platform.INSTAGRAM, 5, lease("w"), NINE.plusSeconds(5)).get(0);
    assertThat(again.attempt()).isEqualTo(1);
  }

  @Test
  void should_ignore_a_retry_from_a_worker_that_lost_the_lease() {
    DailyJob job = runningJob(2);
    WorkItem item = claimOne(job, "slow");
    queue.claim(job.id(), Platform.INSTAGRAM, 5, lease("fast"), NINE.plusSeconds(31));

    jobs.record(
        job.id(),
        List.of(ItemResult.retry(item.creatorId(), ScrapeOutcome.TRANSIENT, "x", NINE)),
        "slow",
        NINE.plusSeconds(32));

    assertThat(jobs.progress(job.id()).inProgress()).isEqualTo(1);
  }

  @Test
  void should_release_what_an_owner_holds_without_counting_an_attempt() {
    DailyJob job = runningJob(4);
    queue.claim(job.id(), Platform.INSTAGRAM, 5, lease("leaving"), NINE);
    queue.claim(job.id(), Platform.TIKTOK, 1, lease("staying"), NINE);

    int released = queue.release(job.id(), "leaving");

    assertThat(released).isEqualTo(2);
    assertThat(jobs.progress(job.id())).isEqualTo(new JobProgress(3, 1, 0, 0, 0));
    assertThat(queue.claim(job.id(), Platform.INSTAGRAM, 5, lease("w"), NINE))
        .allSatisfy(item -> assertThat(item.attempt()).isEqualTo(1));
  }

  @Test
  void should_report_failures_by_reason_and_page_through_them() {
    DailyJob job = runningJob(6);
    List<WorkItem> items =
        new ArrayList<>(queue.claim(job.id(), Platform.INSTAGRAM, 3, lease("w"), NINE));
    items.addAll(queue.claim(job.id(), Platform.TIKTOK, 3, lease("w"), NINE));
    jobs.record(
        job.id(),
        List.of(
            ItemResult.failed(items.get(0).creatorId(), ScrapeOutcome.NOT_FOUND, "404"),
            ItemResult.failed(items.get(1).creatorId(), ScrapeOutcome.NOT_FOUND, "404"),
            ItemResult.failed(items.get(5).creatorId(), ScrapeOutcome.PRIVATE, "private"),
            ItemResult.done(items.get(2).creatorId()),
            ItemResult.skipped(items.get(4).creatorId(), "fresh")),
        "w",
        NINE.plusSeconds(3));

    List<ItemFailure> firstPage = jobs.failures(job.id(), 0, 2);
    List<ItemFailure> secondPage = jobs.failures(job.id(), 2, 2);

    assertThat(jobs.failureCounts(job.id()))
        .containsEntry(ScrapeOutcome.NOT_FOUND, 2L)
        .containsEntry(ScrapeOutcome.PRIVATE, 1L)
        .hasSize(2);
    assertThat(jobs.progress(job.id())).isEqualTo(new JobProgress(0, 1, 1, 3, 1));
    assertThat(firstPage).hasSize(2);
    assertThat(secondPage)
        .singleElement()
        .satisfies(
            failure -> {
              assertThat(failure.reason()).isEqualTo(ScrapeOutcome.PRIVATE);
              assertThat(failure.message()).isEqualTo("private");
              assertThat(failure.attempts()).isEqualTo(1);
              assertThat(failure.failedAt()).isEqualTo(NINE.plusSeconds(3));
              assertThat(failure.handle()).isNotNull();
            });
  }

  @Test
  void should_reopen_exactly_the_failed_items_with_fresh_attempts() {
    DailyJob job = runningJob(4);
    List<WorkItem> items = queue.claim(job.id(), Platform.INSTAGRAM, 2, lease("w"), NINE);
    jobs.record(
        job.id(),
        List.of(
            ItemResult.failed(items.get(0).creatorId(), ScrapeOutcome.TRANSIENT, "gave up"),
            ItemResult.done(items.get(1).creatorId())),
        "w",
        NINE);
    jobs.record(job.id(), drainAsDone(job), "w", NINE);
    jobs.finish(job.id(), "owner", JobStatus.COMPLETED, NINE);

    long reopened = jobs.retryFailed(job.id(), NINE.plusSeconds(60));

    assertThat(reopened).isEqualTo(1);
    assertThat(jobs.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.PENDING);
    jobs.start(job.id(), lease("w"), NINE.plusSeconds(61));
    assertThat(queue.claim(job.id(), Platform.INSTAGRAM, 5, lease("w"), NINE.plusSeconds(61)))
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.creatorId()).isEqualTo(items.get(0).creatorId());
              assertThat(item.attempt()).isEqualTo(1);
              assertThat(item.triedBefore()).isTrue();
            });
  }

  @Test
  void should_skip_a_creators_pending_items_in_unfinished_jobs_only() {
    List<CreatorId> ids = TestCreators.add(creators, "everyday", 2, WEDNESDAY, WED);
    CreatorId removed = ids.get(0);
    DailyJob completed = jobs.createDailyJob(WED, NINE).job();
    DailyJob running = jobs.createDailyJob(WED.plusDays(1), NINE).job();
    DailyJob pending = jobs.createDailyJob(WED.plusDays(2), NINE).job();
    DailyJob cancelled = jobs.createDailyJob(WED.plusDays(3), NINE).job();
    jobs.start(completed.id(), lease("owner"), NINE);
    jobs.finish(completed.id(), "owner", JobStatus.COMPLETED, NINE);
    jobs.start(running.id(), lease("owner"), NINE);
    jobs.cancel(cancelled.id(), NINE);

    long skipped = jobs.skipPending(removed, "creator removed", NINE.plusSeconds(5));

    JobProgress oneSkipped = new JobProgress(1, 0, 0, 0, 1);
    JobProgress untouched = new JobProgress(2, 0, 0, 0, 0);
    assertThat(skipped).isEqualTo(2);
    assertThat(jobs.progress(running.id())).isEqualTo(oneSkipped);
    assertThat(jobs.progress(pending.id())).isEqualTo(oneSkipped);
    assertThat(jobs.progress(completed.id())).isEqualTo(untouched);
    assertThat(jobs.progress(cancelled.id())).isEqualTo(untouched);
    assertThat(jobs.progress(running.id()).total()).isEqualTo(running.totalItems());
    assertThat(queue.claim(running.id(), Platform.INSTAGRAM, 5, lease("w"), NINE)).isEmpty();
    assertThat(queue.claim(running.id(), Platform.TIKTOK, 5, lease("w"), NINE))
        .extracting(WorkItem::creatorId)
        .containsExactly(ids.get(1));
  }

  @Test
  void should_leave_items_in_progress_and_finished_ones_alone_when_skipping() {
    DailyJob job = runningJob(2);
    WorkItem inProgress = claimOne(job, "w");
    WorkItem done = queue.claim(job.id(), Platform.TIKTOK, 1, lease("w"), NINE).get(0);
    jobs.record(job.id(), List.of(ItemResult.done(done.creatorId())), "w", NINE);

    long skippedInProgress = jobs.skipPending(inProgress.creatorId(), "creator removed", NINE);
    long skippedDone = jobs.skipPending(done.creatorId(), "creator removed", NINE);

    assertThat(skippedInProgress).isZero();
    assertThat(skippedDone).isZero();
    assertThat(jobs.progress(job.id())).isEqualTo(new JobProgress(0, 1, 1, 0, 0));
    jobs.record(job.id(), List.of(ItemResult.done(inProgress.creatorId())), "w", NINE);
    assertThat(jobs.progress(job.id())).isEqualTo(new JobProgress(0, 0, 2, 0, 0));
  }

  @Test
  void should_skip_an_item_waiting_for_its_retry_time_once() {
    DailyJob job = runningJob(2);
    WorkItem item = claimOne(job, "w");
    jobs.record(
        job.id(),
        List.of(
            ItemResult.retry(
                item.creatorId(), ScrapeOutcome.TRANSIENT, "timeout", NINE.plusSeconds(30))),
        "w",
        NINE);

    long first = jobs.skipPending(item.creatorId(), "creator removed", NINE.plusSeconds(1));
    long again = jobs.skipPending(item.creatorId(), "creator removed", NINE.plusSeconds(2));

    assertThat(first).isEqualTo(1);
    assertThat(again).isZero();
    assertThat(jobs.progress(job.id())).isEqualTo(new JobProgress(1, 0, 0, 0, 1));
    assertThat(queue.claim(job.id(), Platform.INSTAGRAM, 5, lease("w"), NINE.plusSeconds(30)))
        .isEmpty();
  }

  @Test
  void should_not_reopen_the_failed_items_of_a_removed_creator() {
    DailyJob job = runningJob(4);
    List<WorkItem> items = queue.claim(job.id(), Platform.INSTAGRAM, 2, lease("w"), NINE);
    jobs.record(
        job.id(),
        List.of(
            ItemResult.failed(items.get(0).creatorId(), ScrapeOutcome.TRANSIENT, "gave up"),
            ItemResult.failed(items.get(1).creatorId(), ScrapeOutcome.TRANSIENT, "gave up")),
        "w",
        NINE);
    jobs.record(job.id(), drainAsDone(job), "w", NINE);
    jobs.finish(job.id(), "owner", JobStatus.COMPLETED, NINE);
    creators.remove(items.get(0).creatorId(), NINE.plusSeconds(30));

    long reopened = jobs.retryFailed(job.id(), NINE.plusSeconds(60));

    assertThat(reopened).isEqualTo(1);
    assertThat(jobs.progress(job.id())).isEqualTo(new JobProgress(1, 0, 2, 1, 0));
    jobs.start(job.id(), lease("w"), NINE.plusSeconds(61));
    assertThat(queue.claim(job.id(), Platform.INSTAGRAM, 5, lease("w"), NINE.plusSeconds(61)))
        .extracting(WorkItem::creatorId)
        .containsExactly(items.get(1).creatorId());
  }

  @Test
  void should_leave_a_job_alone_when_only_removed_creators_failed() {
    DailyJob job = runningJob(2);
    WorkItem item = claimOne(job, "w");
    jobs.record(
        job.id(),
        List.of(ItemResult.failed(item.creatorId(), ScrapeOutcome.TRANSIENT, "gave up")),
        "w",
        NINE);
    jobs.record(job.id(), drainAsDone(job), "w", NINE);
    jobs.finish(job.id(), "owner", JobStatus.COMPLETED, NINE);
    creators.remove(item.creatorId(), NINE.plusSeconds(30));

    long reopened = jobs.retryFailed(job.id(), NINE.plusSeconds(60));

    assertThat(reopened).isZero();
    assertThat(jobs.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.COMPLETED);
  }

  @Test
  void should_cancel_a_job_once() {
    DailyJob job = runningJob(2);

    assertThat(jobs.cancel(job.id(), NINE)).isTrue();
    assertThat(jobs.cancel(job.id(), NINE)).isFalse();
    assertThat(jobs.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(jobs.running()).isEmpty();
    assertThat(jobs.renewLease(job.id(), lease("w"))).isFalse();
  }

  @Test
  void should_count_jobs_in_every_status_with_zeros_for_the_unused_ones() {
    DailyJob completed = jobOf(WED, 1);
    DailyJob running = jobOf(WED.plusDays(1), 1);
    jobOf(WED.plusDays(2), 1);
    jobOf(WED.plusDays(3), 1);
    jobs.start(completed.id(), lease("a"), NINE);
    jobs.finish(completed.id(), "a", JobStatus.COMPLETED, NINE);
    jobs.start(running.id(), lease("a"), NINE);

    Map<JobStatus, Long> counts = jobs.countByStatus();

    assertThat(counts)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                JobStatus.PENDING, 2L,
                JobStatus.QUEUED, 0L,
                JobStatus.RUNNING, 1L,
                JobStatus.COMPLETED, 1L,
                JobStatus.FAILED, 0L,
                JobStatus.INTERRUPTED, 0L,
                JobStatus.CANCELLED, 0L));
  }

  @Test
  void should_list_recent_jobs_newest_date_first() {
    jobOf(WED, 1);
    jobOf(WED.plusDays(2), 1);
    jobOf(WED.plusDays(1), 1);

    assertThat(jobs.recent(2))
        .extracting(DailyJob::date)
        .containsExactly(WED.plusDays(2), WED.plusDays(1));
  }

  /** A job of {@code date} holding {@code count} creators of its own. */
  protected DailyJob jobOf(LocalDate date, int count) {
    TestCreators.add(creators, "d" + date, count, WEDNESDAY, date);
    return jobs.createDailyJob(date, NINE).job();
  }

  /** A RUNNING job of WED with {@code count} creators, half on each platform. */
  protected DailyJob runningJob(int count) {
    DailyJob job = jobOf(WED, count);
    assertThat(jobs.start(job.id(), lease("owner"), NINE)).isEqualTo(StartOutcome.STARTED);
    return job;
  }

  private LedgerWorkQueue ledgerQueue() {
    assumeTrue(queue instanceof LedgerWorkQueue, "the queue is not the ledger itself");
    return (LedgerWorkQueue) queue;
  }

  private static List<List<CreatorId>> slices(List<CreatorId> ids, int size) {
    List<List<CreatorId>> slices = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += size) {
      slices.add(ids.subList(i, Math.min(ids.size(), i + size)));
    }
    return slices;
  }

  private List<WorkItem> drainAndKeep(DailyJob job) {
    jobs.start(job.id(), lease("w"), NINE);
    List<WorkItem> items = new ArrayList<>();
    for (Platform platform : Platform.values()) {
      items.addAll(queue.claim(job.id(), platform, 1_000, lease("w"), NINE));
    }
    return items;
  }

  private WorkItem claimOne(DailyJob job, String owner) {
    return queue.claim(job.id(), Platform.INSTAGRAM, 1, lease(owner), NINE).get(0);
  }

  private List<ItemResult> drainAsDone(DailyJob job) {
    List<ItemResult> results = new ArrayList<>();
    for (Platform platform : Platform.values()) {
      for (WorkItem item : queue.claim(job.id(), platform, 1_000, lease("w"), NINE)) {
        results.add(ItemResult.done(item.creatorId()));
      }
    }
    return results;
  }

  /** Adds the batch's creators to {@code seen}; returns how many were in it already. */
  private static int seenBefore(Set<CreatorId> seen, List<WorkItem> batch) {
    int repeats = 0;
    for (WorkItem item : batch) {
      repeats += seen.add(item.creatorId()) ? 0 : 1;
    }
    return repeats;
  }

  protected static Lease lease(String owner) {
    return new Lease(owner, NINE.plus(LEASE));
  }

  /** Runs {@code task} on {@link #contenders()} threads released at the same instant. */
  protected <T> List<T> concurrently(Callable<T> task) throws Exception {
    int threads = contenders();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return task.call();
                }));
      }
      ready.await();
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  static Set<CreatorId> ids(List<WorkItem> items) {
    Set<CreatorId> ids = new HashSet<>();
    items.forEach(item -> ids.add(item.creatorId()));
    return ids;
  }
}
