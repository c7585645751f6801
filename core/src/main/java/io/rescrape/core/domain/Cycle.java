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
 */
public record Cycle(int lengthInDays) {

  /** The default: one week. */
  public static final Cycle WEEKLY = new Cycle(7);

  /** Longest supported cycle; longer ones leave a creator unvisited for too long to be useful. */
  public static final int MAX_LENGTH_IN_DAYS = 56;

  private static final long MONDAY_EPOCH_DAY = LocalDate.of(1970, 1, 5).toEpochDay();

  public Cycle {
    if (lengthInDays < 1 || lengthInDays > MAX_LENGTH_IN_DAYS) {
      throw new InvalidInputException(
          "cycle length must be between 1 and "
              + MAX_LENGTH_IN_DAYS
              + " days, got "
              + lengthInDays);
    }
  }

  public boolean isWeekly() {
    return lengthInDays == 7;
  }

  /** The cycle day a date falls on. */
  public CycleDay dayOf(LocalDate date) {
    return new CycleDay((int) Math.floorMod(date.toEpochDay() - MONDAY_EPOCH_DAY, lengthInDays));
  }

  /** Every day of the cycle, in order. */
  public List<CycleDay> days() {
    return IntStream.range(0, lengthInDays).mapToObj(CycleDay::new).toList();
  }

  public boolean contains(CycleDay day) {
    return day.index() < lengthInDays;
  }

  /** The first date on or after {@code from} that falls on {@code day}. */
  public LocalDate nextOnOrAfter(LocalDate from, CycleDay day) {
    int ahead = Math.floorMod(day.index() - dayOf(from).index(), lengthInDays);
    return from.plusDays(ahead);
  }

  /**
   * The signed number of days from one cycle day to another along the shorter way round, for
   * example Wednesday to Monday is -2 and Saturday to Monday is +2.
   */
  public int shortestShift(CycleDay from, CycleDay to) {
    int forward = Math.floorMod(to.index() - from.index(), lengthInDays);
    return forward * 2 > lengthInDays ? forward - lengthInDays : forward;
  }

  /** A short label: {@code Mon} ... {@code Sun} in a weekly cycle, else {@code D1} ... */
  public String label(CycleDay day) {
    if (isWeekly()) {
      return DayOfWeek.of(day.index() + 1).getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }
    return "D" + (day.index() + 1);
  }
}
