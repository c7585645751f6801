package io.rescrape.core.domain;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchedulePolicyTest {

  private final SchedulePolicy policy = new SchedulePolicy(ScheduleSettings.defaults());

  @Test
  void should_plan_the_next_visit_one_cycle_later_when_visited_on_its_day() {
    LocalDate wednesday = LocalDate.of(2025, 8, 27);

    LocalDate next = policy.nextDueAfterVisit(CycleDay.of(WEDNESDAY), wednesday);

    assertThat(next).isEqualTo(LocalDate.of(2025, 9, 3));
  }

  @ParameterizedTest(name = "visited {0} -> next due {1}")
  @CsvSource({
    "2025-08-28, 2025-09-03", // a day late (Thu): back to the next Wednesday
    "2025-08-30, 2025-09-03", // three days late (Sat): still at least 4 days before the next
    "2025-08-31, 2025-09-10", // four days late (Sun): the next Wednesday is too close
    "2025-08-25, 2025-09-03", // two days early (Mon)
  })
  void should_return_to_its_day_when_visited_late_or_early(LocalDate visited, LocalDate expected) {
    LocalDate next = policy.nextDueAfterVisit(CycleDay.of(WEDNESDAY), visited);

    assertThat(next).isEqualTo(expected);
    assertThat(next.getDayOfWeek()).isEqualTo(WEDNESDAY);
  }

  @Test
  void should_treat_a_creator_without_due_date_as_due() {
    assertThat(SchedulePolicy.isDue(null, LocalDate.of(2025, 8, 27))).isTrue();
  }

  @Test
  void should_keep_an_overdue_creator_due() {
    LocalDate due = LocalDate.of(2025, 8, 20);

    assertThat(SchedulePolicy.isDue(due, LocalDate.of(2025, 8, 27))).isTrue();
    assertThat(SchedulePolicy.isDue(due, LocalDate.of(2025, 8, 19))).isFalse();
  }

  @Test
  void should_rest_on_tuesday_by_default() {
    assertThat(policy.activeDays()).hasSize(6).doesNotContain(CycleDay.of(TUESDAY));
    assertThat(policy.settings().restDays()).containsExactly(CycleDay.of(TUESDAY));
  }

  @Test
  void should_fire_at_nine_utc_by_default() {
    Instant fire = policy.triggerInstant(LocalDate.of(2025, 8, 27));

    assertThat(fire).isEqualTo(Instant.parse("2025-08-27T09:00:00Z"));
  }

  @Test
  void should_follow_local_time_across_daylight_saving_when_the_zone_has_it() {
    SchedulePolicy berlin =
        new SchedulePolicy(
            ScheduleSettings.builder()
                .zone(ZoneId.of("Europe/Berlin"))
                .triggerTime(LocalTime.of(9, 0))
                .build());

    Instant beforeChange = berlin.triggerInstant(LocalDate.of(2025, 3, 29));
    Instant afterChange = berlin.triggerInstant(LocalDate.of(2025, 3, 30));

    assertThat(beforeChange).isEqualTo(Instant.parse("2025-03-29T08:00:00Z"));
    assertThat(afterChange).isEqualTo(Instant.parse("2025-03-30T07:00:00Z"));
  }

  @Test
  void should_move_the_trigger_forward_when_it_falls_in_a_daylight_saving_gap() {
    SchedulePolicy berlin =
        new SchedulePolicy(
            ScheduleSettings.builder()
                .zone(ZoneId.of("Europe/Berlin"))
                .triggerTime(LocalTime.of(2, 30))
                .build());

    Instant fire = berlin.triggerInstant(LocalDate.of(2025, 3, 30));

    assertThat(fire).isEqualTo(Instant.parse("2025-03-30T01:30:00Z"));
  }

  @Test
  void should_date_an_instant_in_the_schedule_zone() {
    SchedulePolicy tokyo =
        new SchedulePolicy(ScheduleSettings.builder().zone(ZoneId.of("Asia/Tokyo")).build());

    LocalDate date = tokyo.dateOf(Instant.parse("2025-08-26T16:00:00Z"));

    assertThat(date).isEqualTo(LocalDate.of(2025, 8, 27));
  }

  @Test
  void should_keep_an_already_due_creator_due_when_moved() {
    LocalDate today = LocalDate.of(2025, 8, 27);

    LocalDate moved =
        policy.movedDue(LocalDate.of(2025, 8, 25), CycleDay.of(MONDAY), CycleDay.of(SUNDAY), today);

    assertThat(moved).isEqualTo(LocalDate.of(2025, 8, 25));
  }

  @Test
  void should_shift_a_future_due_date_the_short_way_round_when_moved() {
    LocalDate today = LocalDate.of(2025, 8, 26);

    LocalDate fromSaturdayToMonday =
        policy.movedDue(
            LocalDate.of(2025, 8, 30), CycleDay.of(SATURDAY), CycleDay.of(MONDAY), today);

    assertThat(fromSaturdayToMonday).isEqualTo(LocalDate.of(2025, 9, 1));
  }

  @Test
  void should_never_move_a_due_date_onto_today_or_earlier() {
    LocalDate today = LocalDate.of(2025, 8, 26);

    LocalDate moved =
        policy.movedDue(
            LocalDate.of(2025, 8, 27), CycleDay.of(WEDNESDAY), CycleDay.of(MONDAY), today);

    assertThat(moved).isEqualTo(LocalDate.of(2025, 9, 1));
  }

  @Test
  void should_leave_a_never_scraped_creator_due_at_once_when_moved() {
    LocalDate moved =
        policy.movedDue(null, CycleDay.of(WEDNESDAY), CycleDay.of(MONDAY), LocalDate.now());

    assertThat(moved).isNull();
  }
}
