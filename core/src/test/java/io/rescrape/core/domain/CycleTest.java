package io.rescrape.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CycleTest {

  @ParameterizedTest
  @EnumSource(DayOfWeek.class)
  void should_make_weekly_cycle_days_weekdays(DayOfWeek weekday) {
    LocalDate date = LocalDate.of(2025, 8, 25).with(weekday);

    CycleDay day = Cycle.WEEKLY.dayOf(date);

    assertThat(day).isEqualTo(CycleDay.of(weekday));
  }

  @Test
  void should_label_weekly_days_by_weekday() {
    assertThat(Cycle.WEEKLY.label(CycleDay.of(DayOfWeek.WEDNESDAY))).isEqualTo("Wed");
  }

  @Test
  void should_number_days_of_other_cycles() {
    Cycle fortnight = new Cycle(14);

    assertThat(fortnight.label(new CycleDay(9))).isEqualTo("D10");
    assertThat(fortnight.dayOf(LocalDate.of(1970, 1, 19))).isEqualTo(new CycleDay(0));
  }

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource({"2, 0, -2", "5, 0, 2", "0, 3, 3", "3, 0, -3", "4, 0, 3"})
  void should_shift_the_short_way_round(int from, int to, int expected) {
    assertThat(Cycle.WEEKLY.shortestShift(new CycleDay(from), new CycleDay(to)))
        .isEqualTo(expected);
  }

  @Test
  void should_find_the_next_date_on_a_day() {
    LocalDate tuesday = LocalDate.of(2025, 8, 26);

    assertThat(Cycle.WEEKLY.nextOnOrAfter(tuesday, CycleDay.of(DayOfWeek.WEDNESDAY)))
        .isEqualTo(LocalDate.of(2025, 8, 27));
    assertThat(Cycle.WEEKLY.nextOnOrAfter(tuesday, CycleDay.of(DayOfWeek.TUESDAY)))
        .isEqualTo(tuesday);
  }

  @Test
  void should_reject_a_cycle_without_days() {
    assertThatThrownBy(() -> new Cycle(0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cycle length must be between 1 and 56 days, got 0");
  }
}
