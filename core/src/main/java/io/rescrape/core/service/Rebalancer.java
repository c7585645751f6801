package io.rescrape.core.service;

import io.rescrape.core.domain.CycleDay;
import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.JobStateException;
import io.rescrape.core.domain.RebalancePlan;
import io.rescrape.core.domain.SchedulePolicy;
import io.rescrape.core.domain.ScheduledCreator;
import io.rescrape.core.event.CreatorsRebalanced;
import io.rescrape.core.port.CreatorStore;
import io.rescrape.core.port.JobStore;
import io.rescrape.core.port.RescrapeEventListener;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Levels the load over the active days with the fewest moves, moving each creator's cycle day and
 * next due date together. {@link #plan()} is the dry run.
 */
public final class Rebalancer {

  private static final Logger log = LoggerFactory.getLogger(Rebalancer.class);
  private static final int BATCH = 1_000;

  private final CreatorStore creators;
  private final JobStore jobs;
  private final SchedulePolicy policy;
  private final Clock clock;
  private final Events events;

  /**
   * A rebalancer over the stores.
   *
   * @param creators where creators and their schedule are stored
   * @param jobs asked whether a job is running, which forbids applying a rebalance
   * @param policy the cycle, active days and rebalance rules
   * @param clock decides what "today" is for the moved due dates
   * @param listener receives {@code CreatorsRebalanced}
   */
  @Inject
  public Rebalancer(
      CreatorStore creators,
      JobStore jobs,
      SchedulePolicy policy,
      Clock clock,
      RescrapeEventListener listener) {
    this.creators = creators;
    this.jobs = jobs;
    this.policy = policy;
    this.clock = clock;
    this.events = new Events(listener);
  }

  /** {@return what a rebalance would do now, changing nothing} */
  public RebalancePlan plan() {
    return policy.planRebalance(creators.countByDay());
  }

  /**
   * Applies a rebalance. Refused while a job runs, since its workers plan each creator's next visit
   * from the day they read when the job claimed it.
   *
   * @return the plan that was applied; when creators left a day meanwhile, fewer of them moved
   * @throws JobStateException while a job is running
   */
  public RebalancePlan apply() {
    refuseWhileAJobRuns(0);
    RebalancePlan plan = plan();
    LocalDate today = policy.dateOf(clock.instant());
    long moved = 0;
    for (RebalancePlan.Move move : plan.moves()) {
      refuseWhileAJobRuns(moved);
      moveCreators(move, today);
      moved += move.count();
    }
    if (plan.isNoop()) {
      log.info("Rebalance: active days already level; nothing moved");
    } else {
      log.info("Rebalance moved {} creators: {}", plan.movedCreators(), describe(plan.moves()));
      events.publish(new CreatorsRebalanced(clock.instant(), plan));
    }
    return plan;
  }

  /** Checked before each move, so a job that starts meanwhile stops the rebalance early. */
  private void refuseWhileAJobRuns(long movedSoFar) {
    Optional<DailyJob> running = jobs.running();
    if (running.isEmpty()) {
      return;
    }
    String progress =
        movedSoFar == 0
            ? "nothing was moved"
            : movedSoFar + " creators were moved, each with its due date; the rest were not";
    throw new JobStateException(
        "job "
            + running.get().id()
            + " is running, so the rebalance stopped ("
            + progress
            + "); rebalance after it ends (a dry run is always allowed)");
  }

  private void moveCreators(RebalancePlan.Move move, LocalDate today) {
    long left = move.count();
    while (left > 0) {
      List<ScheduledCreator> batch = creators.onDay(move.from(), (int) Math.min(left, BATCH));
      if (batch.isEmpty()) {
        log.warn(
            "Rebalance expected {} more creators on {}; they moved meanwhile, stopping this move",
            left,
            policy.cycle().label(move.from()));
        return;
      }
      creators.reschedule(moved(batch, move.to(), today));
      left -= batch.size();
    }
  }

  private List<ScheduledCreator> moved(List<ScheduledCreator> batch, CycleDay to, LocalDate today) {
    List<ScheduledCreator> moved = new ArrayList<>(batch.size());
    for (ScheduledCreator creator : batch) {
      LocalDate due = policy.movedDue(creator.nextDue(), creator.day(), to, today);
      moved.add(new ScheduledCreator(creator.id(), to, due));
    }
    return moved;
  }

  private String describe(List<RebalancePlan.Move> moves) {
    List<String> parts = new ArrayList<>();
    for (RebalancePlan.Move move : moves) {
      parts.add(
          move.count()
              + " "
              + policy.cycle().label(move.from())
              + "->"
              + policy.cycle().label(move.to()));
    }
    return String.join(", ", parts);
  }
}
