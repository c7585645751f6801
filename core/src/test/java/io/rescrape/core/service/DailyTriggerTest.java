package io.rescrape.core.service;

import static io.rescrape.core.fixtures.RescrapeFixture.WED;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.DailyJobCreation;
import io.rescrape.core.domain.SchedulePolicy;
import io.rescrape.core.domain.ScheduleSettings;
import io.rescrape.core.event.DatesMissed;
import io.rescrape.core.event.NothingDue;
import io.rescrape.core.event.TriggerFailed;
import io.rescrape.core.event.TriggerFired;
import io.rescrape.core.fixtures.Faults;
import io.rescrape.core.fixtures.RescrapeFixture;
import io.rescrape.core.port.JobStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DailyTriggerTest {

  private final RescrapeFixture fixture = new RescrapeFixture();

  @AfterEach
  void stopInstances() {
    fixture.closeAll();
  }

  @Test
  void should_create_the_job_at_nine_and_not_a_second_before() {
    fixture.addNew("due", 4);
    fixture.clock.set(Instant.parse("2025-08-27T08:59:59Z"));
    DailyTrigger trigger = fixture.instance("a").trigger();

    Optional<DailyJobCreation> early = trigger.arm();
    fixture.clock.advance(Duration.ofSeconds(1));
    Optional<DailyJobCreation> onTime = trigger.fireIfDue();

    assertThat(early).isEmpty();
    assertThat(onTime.orElseThrow().job().date()).isEqualTo(WED);
    assertThat(trigger.nextFireTime()).isEqualTo(Instant.parse("2025-08-28T09:00:00Z"));
  }

  @Test
  void should_publish_how_late_after_its_trigger_time_it_fired() {
    fixture.addNew("due", 4);
    fixture.clock.set(Instant.parse("2025-08-27T08:59:00Z"));
    DailyTrigger trigger = fixture.instance("a").trigger();
    trigger.arm();

    fixture.clock.set(Instant.parse("2025-08-27T09:00:07Z"));
    DailyJob job = trigger.fireIfDue().orElseThrow().job();

    assertThat(fixture.events.ofType(TriggerFired.class))
        .singleElement()
        .satisfies(e -> assertThat(e.date()).isEqualTo(WED))
        .satisfies(
            e -> assertThat(e.scheduledAt()).isEqualTo(Instant.parse("2025-08-27T09:00:00Z")))
        .satisfies(e -> assertThat(e.lateness()).isEqualTo(Duration.ofSeconds(7)))
        .satisfies(e -> assertThat(e.jobId()).isEqualTo(job.id()))
        .satisfies(e -> assertThat(e.created()).isTrue());
  }

  @Test
  void should_say_it_fired_on_the_existing_job_when_another_instance_created_it() {
    fixture.addNew("due", 4);
    DailyJob first = fixture.instance("a").trigger().arm().orElseThrow().job();
    fixture.events.clear();

    fixture.clock.advance(Duration.ofSeconds(3));
    fixture.instance("b").trigger().arm();

    assertThat(fixture.events.ofType(TriggerFired.class))
        .singleElement()
        .satisfies(e -> assertThat(e.jobId()).isEqualTo(first.id()))
        .satisfies(e -> assertThat(e.created()).isFalse())
        .satisfies(e -> assertThat(e.lateness()).isEqualTo(Duration.ofSeconds(3)));
  }

  @Test
  void should_say_it_fired_without_a_job_when_no_creator_was_due() {
    fixture.clock.set(Instant.parse("2025-08-27T09:00:00Z"));

    fixture.instance("a").trigger().arm();

    assertThat(fixture.events.ofType(TriggerFired.class))
        .singleElement()
        .satisfies(e -> assertThat(e.jobId()).isNull())
        .satisfies(e -> assertThat(e.created()).isFalse());
  }

  @Test
  void should_create_todays_job_at_start_up_when_the_process_was_down_at_nine() {
    fixture.addNew("due", 4);
    fixture.clock.set(Instant.parse("2025-08-27T15:42:00Z"));

    Optional<DailyJobCreation> created = fixture.instance("a").trigger().arm();

    assertThat(created.orElseThrow().created()).isTrue();
    assertThat(created.get().job().date()).isEqualTo(WED);
  }

  @Test
  void should_keep_one_job_per_date_across_instances_and_restarts() {
    fixture.addNew("due", 4);
    fixture.clock.set(Instant.parse("2025-08-27T09:00:00Z"));

    fixture.instance("a").trigger().arm();
    fixture.instance("b").trigger().arm();
    fixture.instance("a-restarted").trigger().arm();

    assertThat(fixture.jobs().recent(10))
        .singleElement()
        .satisfies(job -> assertThat(job.date()).isEqualTo(WED));
  }

  @Test
  void should_report_missed_dates_and_not_replay_them() {
    fixture.addNew("due", 4);
    fixture.jobs().createDailyJob(WED.minusDays(7), Instant.parse("2025-08-20T09:00:00Z"));
    fixture.clock.set(Instant.parse("2025-08-27T10:00:00Z"));

    fixture.instance("a").trigger().arm();

    assertThat(fixture.events.ofType(DatesMissed.class))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.dates())
                    .containsExactly(
                        LocalDate.of(2025, 8, 21),
                        LocalDate.of(2025, 8, 22),
                        LocalDate.of(2025, 8, 23),
                        LocalDate.of(2025, 8, 24),
                        LocalDate.of(2025, 8, 25),
                        LocalDate.of(2025, 8, 26)));
    assertThat(fixture.jobs().recent(10))
        .extracting(DailyJob::date)
        .containsExactly(WED, WED.minusDays(7));
  }

  @Test
  void should_plan_only_the_latest_date_after_sleeping_through_several_trigger_times() {
    fixture.addNew("due", 4);
    fixture.clock.set(Instant.parse("2025-08-27T08:00:00Z"));
    DailyTrigger trigger = fixture.instance("a").trigger();
    trigger.arm();

    fixture.clock.set(Instant.parse("2025-08-29T10:00:00Z"));
    Optional<DailyJobCreation> created = trigger.fireIfDue();

    assertThat(created.orElseThrow().job().date()).isEqualTo(LocalDate.of(2025, 8, 29));
    assertThat(fixture.events.ofType(DatesMissed.class).get(0).dates())
        .containsExactly(WED, LocalDate.of(2025, 8, 28));
  }

  @Test
  void should_say_so_and_create_nothing_when_no_creator_is_due() {
    fixture.clock.set(Instant.parse("2025-08-27T09:00:00Z"));
    DailyTrigger trigger = fixture.instance("a").trigger();

    Optional<DailyJobCreation> result = trigger.arm();

    assertThat(result.orElseThrow().isNothingDue()).isTrue();
    assertThat(fixture.events.ofType(NothingDue.class)).hasSize(1);
    assertThat(trigger.nextFireTime()).isEqualTo(Instant.parse("2025-08-28T09:00:00Z"));
  }

  @Test
  void should_survive_a_database_outage_at_nine_and_create_the_job_late() {
    fixture.addNew("due", 4);
    JobStore flaky = Faults.failing(JobStore.class, fixture.jobs(), "createDailyJob", 2);
    DailyTrigger trigger = triggerOn(flaky, ScheduleSettings.defaults());

    Optional<DailyJobCreation> atNine = trigger.arm();
    fixture.clock.advance(Duration.ofSeconds(30));
    Optional<DailyJobCreation> tooSoon = trigger.fireIfDue();
    fixture.clock.advance(Duration.ofSeconds(30));
    Optional<DailyJobCreation> secondTry = trigger.fireIfDue();
    fixture.clock.advance(Duration.ofMinutes(1));
    Optional<DailyJobCreation> thirdTry = trigger.fireIfDue();

    assertThat(atNine).isEmpty();
    assertThat(tooSoon).isEmpty();
    assertThat(secondTry).isEmpty();
    assertThat(thirdTry.orElseThrow().job().date()).isEqualTo(WED);
    assertThat(fixture.events.ofType(TriggerFailed.class)).hasSize(2);
  }

  @Test
  void should_keep_its_thread_alive_through_failures_and_fire_on_its_own() {
    fixture.addNew("due", 4);
    JobStore flaky = Faults.failing(JobStore.class, fixture.jobs(), "createDailyJob", 1);
    fixture.clock.set(Instant.parse("2025-08-27T08:59:00Z"));
    DailyTrigger trigger = triggerOn(flaky, ScheduleSettings.defaults());

    trigger.start();
    fixture.clock.set(Instant.parse("2025-08-27T09:00:00Z"));
    await().atMost(5, SECONDS).until(() -> !fixture.events.ofType(TriggerFailed.class).isEmpty());
    fixture.clock.set(Instant.parse("2025-08-27T09:01:00Z"));
    await().atMost(5, SECONDS).until(() -> fixture.jobs().findByDate(WED).isPresent());
    trigger.close();

    assertThat(fixture.jobs().recent(5)).hasSize(1);
  }

  @Test
  void should_fire_at_local_nine_in_a_zone_with_daylight_saving() {
    fixture.addNew("due", 4);
    fixture.clock.set(Instant.parse("2025-03-30T06:59:00Z"));
    ScheduleSettings berlin =
        ScheduleSettings.builder()
            .zone(ZoneId.of("Europe/Berlin"))
            .triggerTime(LocalTime.of(9, 0))
            .build();
    DailyTrigger trigger = triggerOn(fixture.jobs(), berlin);

    Optional<DailyJobCreation> before = trigger.arm();
    fixture.clock.set(Instant.parse("2025-03-30T07:00:00Z"));
    Optional<DailyJobCreation> atNineLocal = trigger.fireIfDue();

    assertThat(before).isEmpty();
    assertThat(atNineLocal.orElseThrow().job().date()).isEqualTo(LocalDate.of(2025, 3, 30));
    assertThat(trigger.nextFireTime()).isEqualTo(Instant.parse("2025-03-31T07:00:00Z"));
  }

  private DailyTrigger triggerOn(JobStore jobs, ScheduleSettings schedule) {
    StatsHistory history =
        new StatsHistory(fixture.stores.creators(), HistorySettings.defaults(), fixture.clock);
    DailyPlanner planner = new DailyPlanner(jobs, history, fixture.clock, fixture.events);
    return new DailyTrigger(
        planner,
        jobs,
        new SchedulePolicy(schedule),
        new TriggerSettings(Duration.ofMinutes(1), Duration.ofMillis(10), 7),
        fixture.clock,
        fixture.events);
  }
}
