package io.rescrape.core.domain;

import java.util.Map;

/**
 * How far a job has come, counted from its item ledger.
 *
 * @param pending items waiting
 * @param inProgress items leased to a worker
 * @param done items scraped successfully
 * @param failed items given up on
 * @param skipped items another job already refreshed
 */
public record JobProgress(long pending, long inProgress, long done, long failed, long skipped) {

  public static final JobProgress EMPTY = new JobProgress(0, 0, 0, 0, 0);

  /** Progress from item counts by status; statuses absent from the map count 0. */
  public static JobProgress of(Map<ItemStatus, Long> counts) {
    return new JobProgress(
        counts.getOrDefault(ItemStatus.PENDING, 0L),
        counts.getOrDefault(ItemStatus.IN_PROGRESS, 0L),
        counts.getOrDefault(ItemStatus.DONE, 0L),
        counts.getOrDefault(ItemStatus.FAILED, 0L),
        counts.getOrDefault(ItemStatus.SKIPPED, 0L));
  }

  public long total() {
    return pending + inProgress + finished();
  }

  /** Items that reached a final state. */
  public long finished() {
    return done + failed + skipped;
  }

  public long remaining() {
    return pending + inProgress;
  }

  public boolean isComplete() {
    return remaining() == 0;
  }

  public JobProgress plus(JobProgress other) {
    return new JobProgress(
        pending + other.pending,
        inProgress + other.inProgress,
        done + other.done,
        failed + other.failed,
        skipped + other.skipped);
  }

  /** Finished share of the whole, 0 to 100. */
  public double percent() {
    long total = total();
    return total == 0 ? 100.0 : 100.0 * finished() / total;
  }
}
