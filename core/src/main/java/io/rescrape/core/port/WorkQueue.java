package io.rescrape.core.port;

import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.ItemResult;
import io.rescrape.core.domain.JobId;
import io.rescrape.core.domain.Lease;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.WorkItem;
import java.time.Instant;
import java.util.List;

/**
 * Hands a running job's items to workers under a lease. An item whose lease lapses (its worker
 * died) is handed out again. What becomes of an item is written to the {@link JobStore} ledger; the
 * queue only decides who works on what.
 */
public interface WorkQueue {

  /**
   * Makes the job's pending items available to {@link #claim}; called by every instance that
   * starts, resumes or joins the job.
   *
   * @param job the job, whose id and creation time identify it even across databases
   */
  void open(DailyJob job);

  /**
   * Leases up to {@code max} items of one platform that are pending and due by {@code now}, or
   * whose lease lapsed. No item is leased to two claimers at once.
   *
   * @param job the running job
   * @param platform the platform whose items to lease
   * @param max the most items to lease, such as the claimer's idle workers
   * @param lease the owner and expiry to lease them under
   * @param now the current time, to judge retry times and leases by
   * @return the leased items, each with its attempt counted; empty when none is ready
   */
  List<WorkItem> claim(JobId job, Platform platform, int max, Lease lease, Instant now);

  /**
   * Returns every item the lease owner holds to pending, without counting an attempt.
   *
   * @param job the job
   * @param owner the id of the instance the items are leased to
   * @return the number of items released
   */
  int release(JobId job, String owner);

  /**
   * Hears what became of items after the ledger recorded it, for queues that keep their own
   * counters. The ledger stays the truth; a queue that cannot count drops the news. Default: does
   * nothing.
   *
   * @param job the job
   * @param results what the ledger just recorded
   */
  default void acknowledge(JobId job, List<ItemResult> results) {}
}
