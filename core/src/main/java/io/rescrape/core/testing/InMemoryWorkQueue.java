package io.rescrape.core.testing;

import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.JobId;
import io.rescrape.core.domain.Lease;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.WorkItem;
import io.rescrape.core.port.LedgerWorkQueue;
import io.rescrape.core.port.WorkQueue;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A {@link WorkQueue} over the ledger of an {@link InMemoryJobStore}, for tests and demos. */
public final class InMemoryWorkQueue implements LedgerWorkQueue {

  private final InMemoryJobStore jobs;

  /**
   * A queue over a job store's ledger.
   *
   * @param jobs the store whose items it hands out
   */
  public InMemoryWorkQueue(InMemoryJobStore jobs) {
    this.jobs = jobs;
  }

  @Override
  public void open(DailyJob job) {
    // The ledger is the queue: pending items are claimable as soon as they exist.
  }

  @Override
  public List<WorkItem> claim(JobId job, Platform platform, int max, Lease lease, Instant now) {
    return jobs.claim(job, platform, max, lease, now);
  }

  @Override
  public List<CreatorId> pending(
      JobId job, Platform platform, @Nullable CreatorId after, int limit) {
    return jobs.pending(job, platform, after, limit);
  }

  @Override
  public List<CreatorId> lapsed(JobId job, Platform platform, Instant now, int limit) {
    return jobs.lapsed(job, platform, now, limit);
  }

  @Override
  public List<WorkItem> claim(
      JobId job, Platform platform, List<CreatorId> candidates, Lease lease, Instant now) {
    return jobs.claim(job, platform, candidates, lease, now);
  }

  @Override
  public int release(JobId job, String owner) {
    return jobs.release(job, owner);
  }
}
