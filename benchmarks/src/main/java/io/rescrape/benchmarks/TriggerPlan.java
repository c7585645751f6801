package io.rescrape.benchmarks;

import io.rescrape.core.service.TriggerSettings;
import java.time.Duration;
import java.time.LocalDate;

/**
 * What the {@code trigger} benchmark simulates.
 *
 * @param days simulated dates, from {@link #FIRST_DATE} on
 * @param creators creators due on every date: each date's job holds them all
 * @param lead how long before each date's trigger instant the clock is placed
 * @param settings the trigger's settings, its {@code maxSleep} above all
 */
record TriggerPlan(int days, int creators, Duration lead, TriggerSettings settings) {

  /** A fixed Wednesday, so that every run simulates the same weekdays. */
  static final LocalDate FIRST_DATE = LocalDate.of(2025, 8, 27);

  LocalDate date(int index) {
    return FIRST_DATE.plusDays(index);
  }

  LocalDate lastDate() {
    return date(days - 1);
  }

  /**
   * {@return the dates whose instance starts a lead before the instant: the first half, rounded up}
   * The last of them starts the instance that then runs through the remaining dates.
   */
  int startedDays() {
    return (days + 1) / 2;
  }
}
