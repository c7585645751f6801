package io.rescrape.core.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The rescrape cycle: every creator is visited once per cycle on its own cycle day. Days are
 * counted from a Monday, so in the default 7-day cycle a cycle day is a weekday.
 *
 * @param lengthInDays how many days pass between two planned visits of a creator
 */
public record Cycle(int lengthInDays) {

  /** The default: one week. */
  public static final Cycle WEEKLY = new Cycle(7);

  /** Longest supported cycle; longer ones leave a creator unvisited for too long to be useful. */
  public static final int MAX_LENGTH_IN_DAYS = 56;

  private static final long MONDAY_EPOCH_DAY = LocalDate.of(1970, 1, 5).toEpochDay();

  /**
   * A cycle of the given length.
   *
   * @param lengthInDays from 1 to {@link #MAX_LENGTH_IN_DAYS}
   * @throws InvalidInputException when the length is outside that range
   */
  public Cycle {
    if (lengthInDays < 1 || lengthInDays > MAX_LENGTH_IN_DAYS) {
      throw new InvalidInputException(
          "cycle length must be between 1 and "
              + MAX_LENGTH_IN_DAYS
              + " days, got "
              + lengthInDays);
    }
  }

  /** {@return whether this is the 7-day cycle, whose days are the weekdays} */
  public boolean isWeekly() {
    return lengthInDays == 7;
  }

  /**
   * {@return the cycle day a date falls on}
   *
   * @param date any date, past or future
   */
  public CycleDay dayOf(LocalDate date) {
    return new CycleDay((int) Math.floorMod(date.toEpochDay() - MONDAY_EPOCH_DAY, lengthInDays));
  }

  /** {@return every day of the cycle, in order} */
  public List<CycleDay> days() {
    return IntStream.range(0, lengthInDays).mapToObj(CycleDay::new).toList();
  }

  /**
   * {@return whether a cycle day lies within this cycle} A day can fall outside it when creators
   * were placed under a longer cycle.
   *
   * @param day the day to check
   */
  public boolean contains(CycleDay day) {
    return day.index() < lengthInDays;
  }

  /**
   * {@return the first date on or after {@code from} that falls on {@code day}}
   *
   * @param from the earliest date allowed; returned itself when it falls on {@code day}
   * @param day a day of this cycle
   */
  public LocalDate nextOnOrAfter(LocalDate from, CycleDay day) {
    int ahead = Math.floorMod(day.index() - dayOf(from).index(), lengthInDays);
    return from.plusDays(ahead);
  }

  /**
   * The signed number of days from one cycle day to another along the shorter way round, for
   * example Wednesday to Monday is -2 and Saturday to Monday is +2.
   *
   * @param from the day to start from
   * @param to the day to reach
   * @return the shift in days: negative backwards, positive forwards, 0 for the same day; half a
   *     cycle, in a cycle of even length, counts as forwards
   */
  public int shortestShift(CycleDay from, CycleDay to) {
    int forward = Math.floorMod(to.index() - from.index(), lengthInDays);
    return forward * 2 > lengthInDays ? forward - lengthInDays : forward;
  }

  /**
   * {@return a short label for people: {@code Mon} to {@code Sun} in a weekly cycle, else {@code
   * D1}, {@code D2} and so on}
   *
   * @param day a day of this cycle
   */
  public String label(CycleDay day) {
    if (isWeekly()) {
      return DayOfWeek.of(day.index() + 1).getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }
    return "D" + (day.index() + 1);
  }
}
