package io.rescrape.core.service;

import static io.rescrape.core.fixtures.RescrapeFixture.WED;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rescrape.core.Rescrape;
import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.InstanceId;
import io.rescrape.core.domain.ItemResult;
import io.rescrape.core.domain.JobId;
import io.rescrape.core.domain.JobStatus;
import io.rescrape.core.domain.Lease;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.ScheduleSettings;
import io.rescrape.core.domain.ScrapeResult;
import io.rescrape.core.domain.WorkItem;
import io.rescrape.core.fixtures.RescrapeFixture;
import io.rescrape.core.port.WorkQueue;
import io.rescrape.core.testing.FakeProfileScraper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How many items a lane claims at once: ahead of its idle workers when scrapes are quick, so that
 * the store's round trips do not pace them, and no more than its idle workers when scrapes are
 * slow; claimed items never go out to a platform that turned requests away since.
 */
@Timeout(60)
class ClaimAheadTest {

  private final RescrapeFixture fixture = new RescrapeFixture();
  private final CountingQueue queue = new CountingQueue(fixture.stores.queue());

  @AfterEach
  void stopInstances() {
    fixture.closeAll();
  }

  @Test
  void should_claim_ahead_of_its_idle_workers_when_scrapes_answer_at_once() {
    fixture.addNew("quick", 1_000); // 500 per platform

    RunReport report = run(r -> r.concurrency(2));

    assertThat(report.job().status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(report.progress().done()).isEqualTo(1_000);
    assertThat(queue.largestClaim.get()).isEqualTo(PlatformLane.MAX_CLAIM);
    assertThat(queue.claims.get()).isLessThan(40);
  }

  @Test
  void should_claim_no_more_than_its_idle_workers_when_scrapes_take_a_while() {
    fixture.addNew("slow", 40);
    fixture.instagram.otherwise(this::answerAfterASecond);
    fixture.tiktok.otherwise(this::answerAfterASecond);

    RunReport report = run(r -> r.concurrency(3));

    assertThat(report.progress().done()).isEqualTo(40);
    assertThat(queue.largestClaim.get()).isEqualTo(3);
  }

  @Test
  void should_hold_back_claimed_items_once_the_platform_throttles() {
    fixture.addNew(Platform.INSTAGRAM, "first");
    for (int i = 0; i < 60; i++) {
      fixture.addNew(Platform.INSTAGRAM, "held." + i);
    }
    AtomicInteger answers = new AtomicInteger();
    fixture.instagram.otherwise(
        handle ->
            answers.incrementAndGet() == 5
                ? ScrapeResult.rateLimited(Duration.ofMinutes(5), "HTTP 429")
                : FakeProfileScraper.profileOf(handle));
    // The lease outlasts the pause: in real time, renewals keep held items leased meanwhile.
    Rescrape rescrape = instance(r -> r.concurrency(1).lease(Duration.ofMinutes(10)));
    DailyJob job = rescrape.planner().planDay(WED).job();

    CompletableFuture<RunReport> run =
        CompletableFuture.supplyAsync(() -> rescrape.runner().run(job.id()));
    await().atMost(5, SECONDS).until(() -> answers.get() == 5);
    await().during(Duration.ofMillis(300)).atMost(2, SECONDS).until(() -> answers.get() == 5);
    int largestClaimBeforeThePause = queue.largestClaim.get();
    fixture.clock.advance(Duration.ofMinutes(5));
    RunReport report = run.join();

    assertThat(largestClaimBeforeThePause).isGreaterThan(5);
    assertThat(report.job().status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(report.progress().done()).isEqualTo(61);
    assertThat(fixture.instagram.totalCalls()).isEqualTo(62);
  }

  private ScrapeResult answerAfterASecond(io.rescrape.core.domain.Handle handle) {
    fixture.clock.advance(Duration.ofSeconds(1));
    return FakeProfileScraper.profileOf(handle);
  }

  private RunReport run(UnaryOperator<RunnerSettings.Builder> runner) {
    Rescrape rescrape = instance(runner);
    DailyJob job = rescrape.planner().planDay(WED).job();
    return rescrape.runner().run(job.id());
  }

  private Rescrape instance(UnaryOperator<RunnerSettings.Builder> runner) {
    Rescrape rescrape =
        fixture
            .stores
            .builder()
            .workQueue(queue)
            .clock(fixture.clock)
            .scraper(fixture.instagram)
            .scraper(fixture.tiktok)
            .schedule(ScheduleSettings.defaults())
            .runner(runner.apply(RescrapeFixture.fastRunner()).build())
            .platformGate(fixture.gate)
            .instanceId(new InstanceId("a"))
            .build();
    return rescrape;
  }

  /** The in-memory queue, counting claims and the largest one handed out. */
  private static final class CountingQueue implements WorkQueue {

    private final WorkQueue delegate;
    private final AtomicInteger claims = new AtomicInteger();
    private final AtomicInteger largestClaim = new AtomicInteger();

    CountingQueue(WorkQueue delegate) {
      this.delegate = delegate;
    }

    @Override
    public void open(DailyJob job) {
      delegate.open(job);
    }

    @Override
    public List<WorkItem> claim(JobId job, Platform platform, int max, Lease lease, Instant now) {
      List<WorkItem> claimed = delegate.claim(job, platform, max, lease, now);
      claims.incrementAndGet();
      largestClaim.accumulateAndGet(claimed.size(), Math::max);
      return claimed;
    }

    @Override
    public int release(JobId job, String owner) {
      return delegate.release(job, owner);
    }

    @Override
    public void acknowledge(JobId job, List<ItemResult> results) {
      delegate.acknowledge(job, results);
    }
  }
}
