package io.rescrape.core.domain;

import java.time.DayOfWeek;

/**
 * A day within the rescrape cycle, counted from 0. In the default weekly cycle day 0 is Monday and
 * day 6 is Sunday, so a cycle day is simply a weekday.
 *
 * @param index the day's position in the cycle, from 0
 */
public record CycleDay(int index) implements Comparable<CycleDay> {

  /**
   * A cycle day by position; whether it lies within a given cycle is {@link Cycle#contains}'s to
   * say.
   *
   * @param index from 0
   * @throws IllegalArgumentException when {@code index} is negative
   */
  public CycleDay {
    if (index < 0) {
      throw new IllegalArgumentException("cycle day must not be negative: " + index);
    }
  }

  /**
   * {@return the cycle day of a weekday in a weekly cycle: 0 for Monday up to 6 for Sunday}
   *
   * @param weekday any weekday
   */
  public static CycleDay of(DayOfWeek weekday) {
    return new CycleDay(weekday.getValue() - 1);
  }

  @Override
  public int compareTo(CycleDay other) {
    return Integer.compare(index, other.index);
  }
}
