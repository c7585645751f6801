package io.rescrape.core.domain;

import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The answer to "create the daily job of this date".
 *
 * @param date the date asked for
 * @param job the job of that date, new or existing; null when nothing was due
 * @param created whether this call created it
 */
public record DailyJobCreation(LocalDate date, @Nullable DailyJob job, boolean created) {

  /**
   * {@return the answer for a job this call created}
   *
   * @param job the new job
   */
  public static DailyJobCreation created(DailyJob job) {
    return new DailyJobCreation(job.date(), job, true);
  }

  /**
   * {@return the answer for a date that already had its job, which is returned instead}
   *
   * @param job the job the date already had
   */
  public static DailyJobCreation existing(DailyJob job) {
    return new DailyJobCreation(job.date(), job, false);
  }

  /**
   * {@return the answer for a date on which no creator was due, so no job was created}
   *
   * @param date the date asked for
   */
  public static DailyJobCreation nothingDue(LocalDate date) {
    return new DailyJobCreation(date, null, false);
  }

  /** {@return the job of the date, new or existing; empty when nothing was due} */
  public Optional<DailyJob> maybeJob() {
    return Optional.ofNullable(job);
  }

  /** {@return whether no creator was due, so the date has no job} */
  public boolean isNothingDue() {
    return job == null;
  }
}
