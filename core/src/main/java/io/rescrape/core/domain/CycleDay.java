package io.rescrape.core.domain;

import java.time.DayOfWeek;

/**
 * A day within the rescrape cycle, counted from 0. In the default weekly cycle day 0 is Monday and
 * day 6 is Sunday, so a cycle day is simply a weekday.
 */
public record CycleDay(int index) implements Comparable<CycleDay> {

  public CycleDay {
    if (index < 0) {
      throw new IllegalArgumentException("cycle day must not be negative: " + index);
    }
  }

  /** The cycle day of a weekday in a weekly cycle. */
  public static CycleDay of(DayOfWeek weekday) {
    return new CycleDay(weekday.getValue() - 1);
  }

  @Override
  public int compareTo(CycleDay other) {
    return Integer.compare(index, other.index);
  }
}
