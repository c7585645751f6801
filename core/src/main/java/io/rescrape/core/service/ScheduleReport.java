package io.rescrape.core.service;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.rescrape.core.domain.Cycle;
import io.rescrape.core.domain.CycleDay;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The schedule at a glance.
 *
 * @param today the date the report was made for
 * @param cycle the cycle, for day labels
 * @param perDay creators per cycle day, every day present, in cycle order
 * @param activeDays the days that carry planned load
 * @param total all creators
 * @param dueToday creators due in today's job: scheduled today, overdue or never scraped
 * @param dueTomorrow creators scheduled for tomorrow (today's leftovers come on top)
 */
public record ScheduleReport(
    LocalDate today,
    Cycle cycle,
    Map<CycleDay, Long> perDay,
    List<CycleDay> activeDays,
    long total,
    long dueToday,
    long dueTomorrow) {

  /**
   * A report, with the loads and days copied.
   *
   * @param today the date the report was made for
   * @param cycle the cycle, for day labels
   * @param perDay creators per cycle day, every day present, in cycle order
   * @param activeDays the days that carry planned load
   * @param total all creators
   * @param dueToday creators due in today's job
   * @param dueTomorrow creators scheduled for tomorrow
   */
  public ScheduleReport {
    perDay = ImmutableMap.copyOf(perDay);
    activeDays = ImmutableList.copyOf(activeDays);
  }

  /** {@return the creators per active day on average; 0 without active days} */
  public double dailyAverage() {
    return activeDays.isEmpty() ? 0 : (double) total / activeDays.size();
  }

  /**
   * {@return whether a cycle day carries planned load}
   *
   * @param day a day of the report's cycle
   */
  public boolean isActive(CycleDay day) {
    return activeDays.contains(day);
  }
}
