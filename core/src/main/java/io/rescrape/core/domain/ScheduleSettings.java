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
 */
public record ScheduleSettings(
    Cycle cycle,
    SortedSet<CycleDay> activeDays,
    int minimumGapDays,
    LocalTime triggerTime,
    ZoneId zone) {

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
  }

  /** The defaults: weekly, Tuesday at rest, trigger at 09:00 UTC. */
  public static ScheduleSettings defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The cycle days without planned load. */
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

    private Builder() {}

    /** A cycle of {@code days} days; for cycles other than 7, set active days explicitly. */
    public Builder cycleLength(int days) {
      this.cycle = new Cycle(days);
      return this;
    }

    /** Rest days of a weekly cycle; every other weekday is active. Default: Tuesday. */
    public Builder restDays(DayOfWeek... weekdays) {
      this.restWeekdays = EnumSet.noneOf(DayOfWeek.class);
      this.restWeekdays.addAll(Arrays.asList(weekdays));
      this.activeDays = null;
      return this;
    }

    /** Active days of a weekly cycle; every other weekday rests. */
    public Builder activeDays(DayOfWeek... weekdays) {
      SortedSet<CycleDay> days = new TreeSet<>();
      for (DayOfWeek weekday : weekdays) {
        days.add(CycleDay.of(weekday));
      }
      this.activeDays = days;
      return this;
    }

    /** Active days of any cycle, counted from 0. */
    public Builder activeCycleDays(Collection<CycleDay> days) {
      this.activeDays = new TreeSet<>(days);
      return this;
    }

    public Builder minimumGapDays(int days) {
      this.minimumGapDays = days;
      return this;
    }

    public Builder triggerTime(LocalTime time) {
      this.triggerTime = time;
      return this;
    }

    public Builder zone(ZoneId zone) {
      this.zone = zone;
      return this;
    }

    public ScheduleSettings build() {
      SortedSet<CycleDay> active = activeDays != null ? activeDays : activeFromRestWeekdays();
      int gap = minimumGapDays != null ? minimumGapDays : (cycle.lengthInDays() + 1) / 2;
      return new ScheduleSettings(cycle, active, gap, triggerTime, zone);
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
