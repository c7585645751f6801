package io.rescrape.core.domain;

import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Chooses cycle days for creators joining the schedule, keeping active days level: each new creator
 * goes to the least-loaded active day (the earliest in the cycle on a tie), so a bulk import of N
 * creators adds about N / active days to each. Not thread-safe; one per import.
 */
public final class DayAssigner {

  private final SchedulePolicy policy;
  private final Map<CycleDay, Long> loads;

  DayAssigner(SchedulePolicy policy, Map<CycleDay, Long> currentLoads) {
    this.policy = policy;
    this.loads = policy.loadsOnEveryDay(currentLoads);
  }

  /**
   * Places one creator and counts it on its day, so the next placement sees the new load.
   *
   * @param lastVisit the date of its last scrape, for example in an earlier system; null if it was
   *     never scraped
   * @return where it joins: a creator never scraped goes to the least-loaded active day and is due
   *     at once; one scraped before keeps that scrape's day if the day is active (else it goes to
   *     the least-loaded one) and is next due as after any visit
   */
  public Placement place(@Nullable LocalDate lastVisit) {
    if (lastVisit == null) {
      return new Placement(take(leastLoaded()), null);
    }
    CycleDay visitDay = policy.cycle().dayOf(lastVisit);
    CycleDay day = take(policy.isActive(visitDay) ? visitDay : leastLoaded());
    return new Placement(day, policy.nextDueAfterVisit(day, lastVisit));
  }

  /**
   * Takes back a placement that was not used, for example a duplicate the store refused.
   *
   * @param placement a placement this assigner returned and that was not stored
   */
  public void undo(Placement placement) {
    loads.merge(placement.day(), -1L, Long::sum);
  }

  private CycleDay leastLoaded() {
    CycleDay best = null;
    for (CycleDay day : policy.activeDays()) {
      if (best == null || loads.get(day) < loads.get(best)) {
        best = day;
      }
    }
    return best;
  }

  private CycleDay take(CycleDay day) {
    loads.merge(day, 1L, Long::sum);
    return day;
  }

  /**
   * Where a creator joins the schedule.
   *
   * @param day its cycle day
   * @param nextDue its first due date; null means due at once
   */
  public record Placement(CycleDay day, @Nullable LocalDate nextDue) {}
}
