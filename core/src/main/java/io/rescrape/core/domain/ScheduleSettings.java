package io.rescrape.core.domain;

import com.google.common.collect.ImmutableSortedSet;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * When creators are due: the cycle, the days that carry planned load, and the daily trigger. Build
 * one with {@link #builder()}; every setting has a documented default.
 *
 * @param cycle the cycle every creator is visited once in; default {@link Cycle#WEEKLY}
 * @param activeDays the cycle days that carry planned load; default every day but Tuesday
 * @param minimumGapDays the fewest days between a visit and the next planned one; default half a
 *     cycle, rounded up (4 in a weekly cycle)
 * @param triggerTime the local time the daily job is created at; default 09:00
 * @param zone the zone that defines "a day" and the trigger time; default UTC
 * @param goneAfterNotFound how many NOT_FOUND answers, from the jobs of as many different dates
 *     with no visit between them, mark a creator gone, so that it leaves the schedule; default 3
 */
public record ScheduleSettings(
    Cycle cycle,
    SortedSet<CycleDay> activeDays,
    int minimumGapDays,
    LocalTime triggerTime,
    ZoneId zone,
    int goneAfterNotFound) {

  /** The fewest NOT_FOUND dates that mark a creator gone: one answer alone never does. */
  public static final int MIN_GONE_AFTER_NOT_FOUND = 2;

  /** The most NOT_FOUND dates that may be required to mark a creator gone. */
  public static final int MAX_GONE_AFTER_NOT_FOUND = 100;

  /**
   * Validated settings; {@link #builder()} fills in the defaults.
   *
   * @param cycle the cycle
   * @param activeDays at least one day, each inside the cycle; copied
   * @param minimumGapDays from 1 to the length of the cycle
   * @param triggerTime the local trigger time
   * @param zone the zone of the trigger time and of every date
   * @param goneAfterNotFound from {@value #MIN_GONE_AFTER_NOT_FOUND} to {@value
   *     #MAX_GONE_AFTER_NOT_FOUND}
   * @throws InvalidInputException when no day is active, an active day lies outside the cycle, or
   *     the gap or the NOT_FOUND count is out of range
   */
  public ScheduleSettings {
    activeDays = ImmutableSortedSet.copyOf(activeDays);
    if (activeDays.isEmpty()) {
      throw new InvalidInputException("at least one active day is required");
    }
    for (CycleDay day : activeDays) {
      if (!cycle.contains(day)) {
        throw new InvalidInputException(
            "active day " + day.index() + " lies outside a cycle of " + cycle.lengthInDays());
      }
    }
    if (minimumGapDays < 1 || minimumGapDays > cycle.lengthInDays()) {
      throw new InvalidInputException(
          "minimum gap must be between 1 and "
              + cycle.lengthInDays()
              + " days, got "
              + minimumGapDays);
    }
    if (goneAfterNotFound < MIN_GONE_AFTER_NOT_FOUND
        || goneAfterNotFound > MAX_GONE_AFTER_NOT_FOUND) {
      throw new InvalidInputException(
          "goneAfterNotFound must be between "
              + MIN_GONE_AFTER_NOT_FOUND
              + " and "
              + MAX_GONE_AFTER_NOT_FOUND
              + " job dates, got "
              + goneAfterNotFound);
    }
  }

  /**
   * {@return the defaults: weekly, Tuesday at rest, trigger at 09:00 UTC, gone after NOT_FOUND on 3
   * job dates}
   */
  public static ScheduleSettings defaults() {
    return builder().build();
  }

  /** {@return a builder holding the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the cycle days without planned load, in cycle order} */
  public SortedSet<CycleDay> restDays() {
    SortedSet<CycleDay> rest = new TreeSet<>(cycle.days());
    rest.removeAll(activeDays);
    return rest;
  }

  /** Builds validated {@link ScheduleSettings}. */
  public static final class Builder {
    private Cycle cycle = Cycle.WEEKLY;
    private EnumSet<DayOfWeek> restWeekdays = EnumSet.of(DayOfWeek.TUESDAY);
    private SortedSet<CycleDay> activeDays;
    private Integer minimumGapDays;
    private LocalTime triggerTime = LocalTime.of(9, 0);
    private ZoneId zone = ZoneOffset.UTC;
    private int goneAfterNotFound = 3;

    private Builder() {}

    /**
     * A cycle of {@code days} days; for cycles other than 7, set active days explicitly.
     *
     * @param days from 1 to {@value Cycle#MAX_LENGTH_IN_DAYS}; default 7
     * @return this builder
     * @throws InvalidInputException when {@code days} is out of range
     */
    public Builder cycleLength(int days) {
      this.cycle = new Cycle(days);
      return this;
    }

    /**
     * Rest days of a weekly cycle; every other weekday is active. Default: Tuesday. Replaces active
     * days set before.
     *
     * @param weekdays the days without planned load; none makes every day active
     * @return this builder
     */
    public Builder restDays(DayOfWeek... weekdays) {
      this.restWeekdays = EnumSet.noneOf(DayOfWeek.class);
      this.restWeekdays.addAll(Arrays.asList(weekdays));
      this.activeDays = null;
      return this;
    }

    /**
     * Active days of a weekly cycle; every other weekday rests. Replaces rest days set before.
     *
     * @param weekdays the days that carry planned load; at least one
     * @return this builder
     */
    public Builder activeDays(DayOfWeek... weekdays) {
      SortedSet<CycleDay> days = new TreeSet<>();
      for (DayOfWeek weekday : weekdays) {
        days.add(CycleDay.of(weekday));
      }
      this.activeDays = days;
      return this;
    }

    /**
     * Active days of any cycle, counted from 0. Replaces rest days set before.
     *
     * @param days the days that carry planned load; at least one, each inside the cycle
     * @return this builder
     */
    public Builder activeCycleDays(Collection<CycleDay> days) {
      this.activeDays = new TreeSet<>(days);
      return this;
    }

    /**
     * The fewest days between a visit and the next planned one. Default: half the cycle, rounded
     * up.
     *
     * @param days from 1 to the length of the cycle
     * @return this builder
     */
    public Builder minimumGapDays(int days) {
      this.minimumGapDays = days;
      return this;
    }

    /**
     * The local time each day's job is created at. Default: 09:00.
     *
     * @param time a time of day in the schedule's zone
     * @return this builder
     */
    public Builder triggerTime(LocalTime time) {
      this.triggerTime = time;
      return this;
    }

    /**
     * The zone that decides where a day begins and when the trigger time is. Default: UTC.
     *
     * @param zone any zone; one with daylight saving moves the trigger with the local clock
     * @return this builder
     */
    public Builder zone(ZoneId zone) {
      this.zone = zone;
      return this;
    }

    /**
     * How many NOT_FOUND answers mark a creator gone. They must come from the jobs of that many
     * different dates, with no visit (OK or PRIVATE) between them; any visit starts the count
     * again. A gone creator is due in no job and counted on no day until a visit or a new add
     * brings it back. Default: 3.
     *
     * @param jobDates from {@value ScheduleSettings#MIN_GONE_AFTER_NOT_FOUND} to {@value
     *     ScheduleSettings#MAX_GONE_AFTER_NOT_FOUND}
     * @return this builder
     */
    public Builder goneAfterNotFound(int jobDates) {
      this.goneAfterNotFound = jobDates;
      return this;
    }

    /**
     * {@return the settings, with the default for whatever was not set}
     *
     * @throws InvalidInputException when the settings do not fit together, for example a cycle
     *     other than 7 days without active days set
     */
    public ScheduleSettings build() {
      SortedSet<CycleDay> active = activeDays != null ? activeDays : activeFromRestWeekdays();
      int gap = minimumGapDays != null ? minimumGapDays : (cycle.lengthInDays() + 1) / 2;
      return new ScheduleSettings(cycle, active, gap, triggerTime, zone, goneAfterNotFound);
    }

    private SortedSet<CycleDay> activeFromRestWeekdays() {
      if (!cycle.isWeekly()) {
        throw new InvalidInputException(
            "a cycle of " + cycle.lengthInDays() + " days needs its active days set explicitly");
      }
      SortedSet<CycleDay> active = new TreeSet<>();
      for (DayOfWeek weekday : EnumSet.complementOf(restWeekdays)) {
        active.add(CycleDay.of(weekday));
      }
      return active;
    }
  }
}
