package io.rescrape.core.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.jspecify.annotations.Nullable;

/**
 * The rules that decide when each creator is due, kept in one place.
 *
 * <p>Every creator has a cycle day and a next due date. A creator never scraped has no due date and
 * is due at once. After a visit on date X the next due date is the first date on the creator's
 * cycle day at least {@link ScheduleSettings#minimumGapDays()} after X, so a late or early visit
 * returns to the creator's day instead of drifting. A failed visit leaves the date alone, so the
 * creator stays due, day after day, until a visit succeeds. "Who is due on D" is therefore {@code
 * next_due <= D}, which a store answers with an index range scan.
 */
public final class SchedulePolicy {

  private final ScheduleSettings settings;

  /**
   * The rules of the given settings.
   *
   * @param settings the cycle, active days, minimum gap, trigger time and zone to apply
   */
  public SchedulePolicy(ScheduleSettings settings) {
    this.settings = settings;
  }

  /** {@return the settings these rules apply} */
  public ScheduleSettings settings() {
    return settings;
  }

  /** {@return the cycle every creator is visited once in} */
  public Cycle cycle() {
    return settings.cycle();
  }

  /** {@return the cycle days that carry planned load, in cycle order} */
  public SortedSet<CycleDay> activeDays() {
    return settings.activeDays();
  }

  /**
   * {@return whether a cycle day carries planned load}
   *
   * @param day a day of the cycle
   */
  public boolean isActive(CycleDay day) {
    return settings.activeDays().contains(day);
  }

  /**
   * {@return whether a creator whose next due date is {@code nextDue} belongs in the job of {@code
   * date}}
   *
   * @param nextDue the creator's next due date; null, for a creator never visited, is always due
   * @param date the date of the job
   */
  public static boolean isDue(@Nullable LocalDate nextDue, LocalDate date) {
    return nextDue == null || !nextDue.isAfter(date);
  }

  /**
   * {@return the next due date after a successful visit made by the job of {@code visitDate}} It is
   * the first date on {@code day} at least the minimum gap after {@code visitDate}.
   *
   * @param day the creator's cycle day
   * @param visitDate the date the visit counts for: for a job, its date rather than the day the
   *     scrape ran
   */
  public LocalDate nextDueAfterVisit(CycleDay day, LocalDate visitDate) {
    return cycle().nextOnOrAfter(visitDate.plusDays(settings.minimumGapDays()), day);
  }

  /**
   * {@return the date, in the schedule's zone, that an instant falls on}
   *
   * @param instant any instant
   */
  public LocalDate dateOf(Instant instant) {
    return instant.atZone(settings.zone()).toLocalDate();
  }

  /**
   * The instant the daily trigger fires for a date. On a daylight-saving gap the time moves forward
   * by the length of the gap, as {@link ZonedDateTime#of} defines.
   *
   * @param date the date whose job the trigger creates
   * @return the trigger time on that date, in the schedule's zone
   */
  public Instant triggerInstant(LocalDate date) {
    return ZonedDateTime.of(date, settings.triggerTime(), settings.zone()).toInstant();
  }

  /**
   * {@return an assigner of cycle days to creators as they arrive, starting from the current loads}
   *
   * @param currentLoads creators per cycle day now; a day absent from the map counts 0
   * @throws InvalidInputException when creators sit on a day outside the cycle
   */
  public DayAssigner assigner(Map<CycleDay, Long> currentLoads) {
    return new DayAssigner(this, currentLoads);
  }

  /**
   * Where a creator moved by a rebalance is next due. A creator already due stays due; otherwise
   * its date moves the short way round to the new day, never onto or before today.
   *
   * @param nextDue the creator's due date before the move; null for one never visited
   * @param from the day it leaves
   * @param to the day it joins
   * @param today today's date in the schedule's zone
   * @return its due date on the new day; null when {@code nextDue} was null
   */
  public @Nullable LocalDate movedDue(
      @Nullable LocalDate nextDue, CycleDay from, CycleDay to, LocalDate today) {
    if (nextDue == null || !nextDue.isAfter(today)) {
      return nextDue;
    }
    LocalDate shifted = nextDue.plusDays(cycle().shortestShift(from, to));
    return shifted.isAfter(today) ? shifted : shifted.plusDays(cycle().lengthInDays());
  }

  /**
   * The fewest moves that leave active days differing by at most one creator and rest days empty.
   * Days that keep the extra creator of an uneven split are the ones already fullest, so nothing
   * moves that need not.
   *
   * @param loads creators per cycle day now; a day absent from the map counts 0
   * @return the moves with the loads before and after; no moves when the days are already level
   * @throws InvalidInputException when creators sit on a day outside the cycle
   */
  public RebalancePlan planRebalance(Map<CycleDay, Long> loads) {
    Map<CycleDay, Long> before = loadsOnEveryDay(loads);
    Map<CycleDay, Long> target = targetLoads(before);

    List<Surplus> surpluses = new ArrayList<>();
    List<Surplus> deficits = new ArrayList<>();
    for (CycleDay day : cycle().days()) {
      long difference = before.get(day) - target.get(day);
      if (difference > 0) {
        surpluses.add(new Surplus(day, difference));
      } else if (difference < 0) {
        deficits.add(new Surplus(day, -difference));
      }
    }
    return new RebalancePlan(before, target, pair(surpluses, deficits));
  }

  /**
   * Loads on every day of the cycle, zero where absent.
   *
   * @param loads creators per cycle day, as a store counts them
   * @return creators on every day of the cycle, in cycle order
   * @throws InvalidInputException when creators sit on a day outside the cycle, as after the cycle
   *     was shortened
   */
  public Map<CycleDay, Long> loadsOnEveryDay(Map<CycleDay, Long> loads) {
    Map<CycleDay, Long> complete = new LinkedHashMap<>();
    for (CycleDay day : cycle().days()) {
      complete.put(day, loads.getOrDefault(day, 0L));
    }
    for (CycleDay day : loads.keySet()) {
      if (!cycle().contains(day)) {
        throw new InvalidInputException(
            "creators are assigned to cycle day "
                + day.index()
                + ", outside the configured cycle of "
                + cycle().lengthInDays()
                + " days");
      }
    }
    return complete;
  }

  private Map<CycleDay, Long> targetLoads(Map<CycleDay, Long> before) {
    long total = before.values().stream().mapToLong(Long::longValue).sum();
    int active = activeDays().size();
    long base = total / active;
    long extra = total % active;

    List<CycleDay> fullestFirst = new ArrayList<>(activeDays());
    fullestFirst.sort(Comparator.comparing((CycleDay day) -> before.get(day)).reversed());

    Map<CycleDay, Long> target = new LinkedHashMap<>();
    for (CycleDay day : cycle().days()) {
      target.put(day, 0L);
    }
    for (int i = 0; i < fullestFirst.size(); i++) {
      target.put(fullestFirst.get(i), base + (i < extra ? 1 : 0));
    }
    return target;
  }

  private static List<RebalancePlan.Move> pair(List<Surplus> surpluses, List<Surplus> deficits) {
    List<RebalancePlan.Move> moves = new ArrayList<>();
    int d = 0;
    for (Surplus surplus : surpluses) {
      long left = surplus.count;
      while (left > 0) {
        Surplus deficit = deficits.get(d);
        long moved = Math.min(left, deficit.count);
        moves.add(new RebalancePlan.Move(surplus.day, deficit.day, moved));
        left -= moved;
        deficit.count -= moved;
        if (deficit.count == 0) {
          d++;
        }
      }
    }
    return moves;
  }

  private static final class Surplus {
    final CycleDay day;
    long count;

    Surplus(CycleDay day, long count) {
      this.day = day;
      this.count = count;
    }
  }
}
