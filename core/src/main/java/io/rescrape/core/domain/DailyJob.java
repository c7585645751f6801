package io.rescrape.core.domain;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The job that rescrapes every creator due on one date. At most one exists per date.
 *
 * @param id the store's id
 * @param date the date whose due creators it holds
 * @param status where it is in its life
 * @param totalItems how many creators it holds
 * @param createdAt when it was created
 * @param startedAt when it first started running
 * @param finishedAt when it last stopped running
 * @param lease the running owner's lease; null unless running
 */
public record DailyJob(
    JobId id,
    LocalDate date,
    JobStatus status,
    long totalItems,
    Instant createdAt,
    @Nullable Instant startedAt,
    @Nullable Instant finishedAt,
    @Nullable Lease lease) {

  /** The job type, as other systems that list jobs know it. */
  public static final String TYPE = "daily_rescrape";

  /**
   * {@return a one-line description for people} For example {@code Daily rescrape - 292 creators
   * due (2025-08-27)}.
   */
  public String description() {
    return describe(totalItems, date);
  }

  /**
   * {@return the description of a job of {@code creators} creators on {@code date}} Callers use it
   * before a job exists; {@link #description()} gives the same for one that does.
   *
   * @param creators how many creators the job holds
   * @param date the job's date
   */
  public static String describe(long creators, LocalDate date) {
    return "Daily rescrape - "
        + creators
        + (creators == 1 ? " creator" : " creators")
        + " due ("
        + date
        + ")";
  }

  /**
   * {@return whether its owner stopped renewing its lease, so another instance may take it over}
   * Only a RUNNING job can be abandoned.
   *
   * @param now the current time, from the injected clock
   */
  public boolean isAbandonedAt(Instant now) {
    return status == JobStatus.RUNNING && lease != null && lease.isLapsedAt(now);
  }
}
