package io.rescrape.core.service;

import static io.rescrape.core.fixtures.RescrapeFixture.NINE;
import static io.rescrape.core.fixtures.RescrapeFixture.WED;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rescrape.core.Rescrape;
import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.InstanceId;
import io.rescrape.core.domain.JobStatus;
import io.rescrape.core.domain.Lease;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.fixtures.RescrapeFixture;
import io.rescrape.core.testing.FakeProfileScraper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rescrape as a service instance runs it: trigger and worker on their own threads. */
class RescrapeServiceTest {

  private final RescrapeFixture fixture = new RescrapeFixture();
  private final List<Rescrape> started = new ArrayList<>();

  @AfterEach
  void stopInstances() {
    fixture.closeAll();
    started.forEach(Rescrape::close);
  }

  @Test
  void should_create_and_run_the_daily_job_by_itself_at_nine() {
    fixture.addNew("due", 10);
    fixture.clock.set(Instant.parse("2025-08-27T08:59:59Z"));
    Rescrape instance = fixture.instance("a");

    instance.start();
    fixture.clock.set(NINE);

    await()
        .atMost(10, SECONDS)
        .until(() -> isCompleted(fixture.jobs().findByDate(WED).orElse(null)));
    assertThat(fixture.instagram.totalCalls() + fixture.tiktok.totalCalls()).isEqualTo(10);
  }

  @Test
  void should_interrupt_on_close_and_resume_on_the_next_start() {
    fixture.addNew("slow", 20);
    fixture.instagram.latency(Duration.ofMillis(30));
    fixture.tiktok.latency(Duration.ofMillis(30));
    Rescrape first = fixture.instance("first", r -> r.concurrency(1));

    first.start();
    await().atMost(10, SECONDS).until(() -> doneOfWednesday() >= 4);
    first.close();
    DailyJob interrupted = fixture.jobs().findByDate(WED).orElseThrow();
    fixture.instance("second").start();

    assertThat(interrupted.status()).isEqualTo(JobStatus.INTERRUPTED);
    await()
        .atMost(10, SECONDS)
        .until(() -> isCompleted(fixture.jobs().findByDate(WED).orElse(null)));
    assertThat(fixture.instagram.totalCalls() + fixture.tiktok.totalCalls()).isEqualTo(20);
  }

  @Test
  void should_take_over_a_job_abandoned_by_a_dead_instance_without_a_command() {
    fixture.addNew("orphan", 6);
    DailyJob job = fixture.jobs().createDailyJob(WED, NINE).job();
    fixture.jobs().start(job.id(), new Lease("dead", NINE.plusSeconds(30)), NINE);
    fixture.clock.set(NINE.plusSeconds(45));

    fixture.instance("survivor").start();

    await().atMost(10, SECONDS).until(() -> isCompleted(fixture.job(job.id())));
  }

  @Test
  void should_share_the_running_job_between_live_instances() {
    fixture.addNew("many", 80);
    FakeProfileScraper[] first = slowScrapers();
    FakeProfileScraper[] second = slowScrapers();
    Rescrape a = instanceWith("a", first);
    Rescrape b = instanceWith("b", second);

    a.start();
    b.start();

    await()
        .atMost(20, SECONDS)
        .until(() -> isCompleted(fixture.jobs().findByDate(WED).orElse(null)));
    int byA = first[0].totalCalls() + first[1].totalCalls();
    int byB = second[0].totalCalls() + second[1].totalCalls();
    assertThat(byA).isPositive();
    assertThat(byB).isPositive();
    assertThat(byA + byB).isEqualTo(80);
    assertThat(fixture.jobs().recent(5)).hasSize(1);
  }

  private static FakeProfileScraper[] slowScrapers() {
    return new FakeProfileScraper[] {
      new FakeProfileScraper(Platform.INSTAGRAM).latency(Duration.ofMillis(20)),
      new FakeProfileScraper(Platform.TIKTOK).latency(Duration.ofMillis(20))
    };
  }

  private Rescrape instanceWith(String id, FakeProfileScraper[] scrapers) {
    Rescrape rescrape =
        fixture
            .stores
            .builder()
            .clock(fixture.clock)
            .scraper(scrapers[0])
            .scraper(scrapers[1])
            .runner(RescrapeFixture.fastRunner().concurrency(2).build())
            .trigger(new TriggerSettings(Duration.ofMinutes(1), Duration.ofMillis(20), 7))
            .instanceId(new InstanceId(id))
            .build();
    started.add(rescrape);
    return rescrape;
  }

  private long doneOfWednesday() {
    return fixture
        .jobs()
        .findByDate(WED)
        .map(job -> fixture.jobs().progress(job.id()).done())
        .orElse(0L);
  }

  private static boolean isCompleted(DailyJob job) {
    return job != null && job.status() == JobStatus.COMPLETED;
  }
}
