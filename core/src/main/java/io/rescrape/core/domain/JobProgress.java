package io.rescrape.core.domain;

import java.util.Map;

/**
 * How far a job has come, counted from its item ledger.
 *
 * @param pending items waiting
 * @param inProgress items leased to a worker
 * @param done items scraped successfully
 * @param failed items given up on
 * @param skipped items another job already refreshed, or whose creator was removed
 */
public record JobProgress(long pending, long inProgress, long done, long failed, long skipped) {

  /** No items at all; adding it with {@link #plus} changes nothing. */
  public static final JobProgress EMPTY = new JobProgress(0, 0, 0, 0, 0);

  /**
   * {@return the progress that item counts by status add up to}
   *
   * @param counts items per status; a status absent from the map counts 0
   */
  public static JobProgress of(Map<ItemStatus, Long> counts) {
    return new JobProgress(
        counts.getOrDefault(ItemStatus.PENDING, 0L),
        counts.getOrDefault(ItemStatus.IN_PROGRESS, 0L),
        counts.getOrDefault(ItemStatus.DONE, 0L),
        counts.getOrDefault(ItemStatus.FAILED, 0L),
        counts.getOrDefault(ItemStatus.SKIPPED, 0L));
  }

  /** {@return every item of the job, finished or not} */
  public long total() {
    return pending + inProgress + finished();
  }

  /** {@return the items that reached a final state: done, failed or skipped} */
  public long finished() {
    return done + failed + skipped;
  }

  /** {@return the items not finished yet: pending or in progress} */
  public long remaining() {
    return pending + inProgress;
  }

  /** {@return whether every item reached a final state} */
  public boolean isComplete() {
    return remaining() == 0;
  }

  /**
   * {@return this progress and {@code other} added count by count}
   *
   * @param other progress to add, such as another platform's share of the job
   */
  public JobProgress plus(JobProgress other) {
    return new JobProgress(
        pending + other.pending,
        inProgress + other.inProgress,
        done + other.done,
        failed + other.failed,
        skipped + other.skipped);
  }

  /** {@return the finished share of all items, from 0 to 100; 100 when there are no items} */
  public double percent() {
    long total = total();
    return total == 0 ? 100.0 : 100.0 * finished() / total;
  }
}
