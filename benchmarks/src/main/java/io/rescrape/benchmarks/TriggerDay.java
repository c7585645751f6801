package io.rescrape.benchmarks;

import io.rescrape.core.domain.JobId;
import java.time.Duration;
import java.time.LocalDate;

/**
 * One simulated date: how the instance stood when its trigger instant came, and how late after that
 * instant its job came to exist.
 *
 * @param date the simulated date
 * @param instance whether the instance started shortly before the instant or had run on since the
 *     previous date fired
 * @param jobId the job the trigger created
 * @param creators the creators the job holds
 * @param fired from the trigger instant to the {@code TriggerFired} event, which the trigger stamps
 *     once the job is committed and the planner is done: an upper bound on when the job existed
 * @param createdAt from the trigger instant to the job's stored {@code createdAt}, which the
 *     planner stamps just before it inserts the job: a lower bound
 */
record TriggerDay(
    LocalDate date,
    Instance instance,
    JobId jobId,
    long creators,
    Duration fired,
    Duration announced,
    Duration createdAt) {

  /** How the instance stood when the trigger instant came. */
  enum Instance {
    /** Started a lead before the instant: it armed, slept once or more, and fired. */
    STARTED,
    /** Running since it fired the previous date, sleeping towards this one. */
    RUNNING
  }
}
