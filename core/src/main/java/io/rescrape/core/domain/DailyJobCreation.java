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

  public static DailyJobCreation created(DailyJob job) {
    return new DailyJobCreation(job.date(), job, true);
  }

  public static DailyJobCreation existing(DailyJob job) {
    return new DailyJobCreation(job.date(), job, false);
  }

  public static DailyJobCreation nothingDue(LocalDate date) {
    return new DailyJobCreation(date, null, false);
  }

  public Optional<DailyJob> maybeJob() {
    return Optional.ofNullable(job);
  }

  public boolean isNothingDue() {
    return job == null;
  }
}
