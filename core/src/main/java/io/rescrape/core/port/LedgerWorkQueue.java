package io.rescrape.core.port;

import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.JobId;
import io.rescrape.core.domain.Lease;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.WorkItem;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A {@link WorkQueue} that is the item ledger itself, as the database's is. Besides claiming the
 * next items, it can list the pending ones and lease exactly the ones named, so that a faster
 * dispatcher in front of it (Redis) can pick items while the ledger keeps the say over who holds
 * each: a named item that is already leased or finished is simply not handed out, whichever path
 * asked for it.
 */
public interface LedgerWorkQueue extends WorkQueue {

  /**
   * Pending items of one platform, in creator-id order, a page at a time.
   *
   * @param job the job
   * @param platform the platform
   * @param after the last id of the previous page; null for the first page
   * @param limit the most ids to return
   * @return the ids, ascending; fewer than {@code limit} on the last page
   */
  List<CreatorId> pending(JobId job, Platform platform, @Nullable CreatorId after, int limit);

  /**
   * Items of one platform whose worker stopped renewing their lease: in progress, with the lease
   * lapsed by {@code now}. A dispatcher in front of the ledger hands these out again promptly
   * instead of after everything else.
   *
   * @param job the job
   * @param platform the platform
   * @param now the current time, to judge leases by
   * @param limit the most ids to return
   * @return the ids, in no particular order
   */
  List<CreatorId> lapsed(JobId job, Platform platform, Instant now, int limit);

  /**
   * Leases those of the named items that are claimable now: pending and due, or under a lapsed
   * lease, in a RUNNING job. The others are left alone.
   *
   * @param job the running job
   * @param platform the platform the items belong to
   * @param candidates the items to lease
   * @param lease the owner and expiry to lease them under
   * @param now the current time, to judge retry times and leases by
   * @return the items leased, each with its attempt counted
   */
  List<WorkItem> claim(
      JobId job, Platform platform, List<CreatorId> candidates, Lease lease, Instant now);
}
