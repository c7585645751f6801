package io.rescrape.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleSettingsTest {

  @Test
  void should_default_to_a_weekly_cycle_with_a_four_day_gap() {
    ScheduleSettings settings = ScheduleSettings.defaults();

    assertThat(settings.cycle()).isEqualTo(Cycle.WEEKLY);
    assertThat(settings.minimumGapDays()).isEqualTo(4);
  }

  @Test
  void should_mark_creators_gone_after_three_not_found_dates_by_default() {
    assertThat(ScheduleSettings.defaults().goneAfterNotFound()).isEqualTo(3);
    assertThat(ScheduleSettings.builder().goneAfterNotFound(5).build().goneAfterNotFound())
        .isEqualTo(5);
  }

  @Test
  void should_never_let_a_single_not_found_mark_a_creator_gone() {
    assertThatThrownBy(() -> ScheduleSettings.builder().goneAfterNotFound(1).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("goneAfterNotFound must be between 2 and 100 job dates, got 1");
    assertThatThrownBy(() -> ScheduleSettings.builder().goneAfterNotFound(101).build())
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void should_make_every_other_weekday_active_when_rest_days_are_given() {
    ScheduleSettings settings =
        ScheduleSettings.builder().restDays(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY).build();

    assertThat(settings.activeDays()).hasSize(5).doesNotContain(CycleDay.of(DayOfWeek.SUNDAY));
  }

  @Test
  void should_allow_a_cycle_without_rest_days() {
    ScheduleSettings settings = ScheduleSettings.builder().restDays().build();

    assertThat(settings.activeDays()).hasSize(7);
    assertThat(settings.restDays()).isEmpty();
  }

  @Test
  void should_require_active_days_for_a_cycle_that_is_not_weekly() {
    assertThatThrownBy(() -> ScheduleSettings.builder().cycleLength(14).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("needs its active days set explicitly");
  }

  @Test
  void should_reject_an_active_day_outside_the_cycle() {
    assertThatThrownBy(
            () ->
                ScheduleSettings.builder()
                    .cycleLength(3)
                    .activeCycleDays(List.of(new CycleDay(5)))
                    .build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("active day 5 lies outside a cycle of 3");
  }

  @Test
  void should_reject_a_schedule_without_active_days() {
    assertThatThrownBy(() -> ScheduleSettings.builder().activeDays().build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at least one active day");
  }

  @Test
  void should_reject_a_gap_longer_than_the_cycle() {
    assertThatThrownBy(() -> ScheduleSettings.builder().minimumGapDays(8).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("minimum gap must be between 1 and 7 days, got 8");
  }
}
