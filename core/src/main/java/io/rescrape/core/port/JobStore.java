package io.rescrape.core.port;

import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.DailyJobCreation;
import io.rescrape.core.domain.ItemFailure;
import io.rescrape.core.domain.ItemResult;
import io.rescrape.core.domain.JobId;
import io.rescrape.core.domain.JobProgress;
import io.rescrape.core.domain.JobStatus;
import io.rescrape.core.domain.Lease;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.ScrapeOutcome;
import io.rescrape.core.domain.WorkItem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stores daily jobs and their item ledger: one row per creator per job, the source of truth for
 * what is done. The rules that must hold across instances are enforced here, by the store, not by
 * callers reading first: one job per date, and one running job at a time.
 */
public interface JobStore {

  /**
   * Creates the daily job of {@code date} holding every creator due on that date, atomically: a job
   * is never seen without its items. When the date already has a job, returns that one; when
   * nothing is due, creates nothing.
   *
   * @param date the date whose due creators the job holds
   * @param now the creation time to store
   * @return the new job, the job the date already had, or the answer that nothing was due
   */
  DailyJobCreation createDailyJob(LocalDate date, Instant now);

  /**
   * {@return the job with this id, or empty when there is none}
   *
   * @param id the store's id
   */
  Optional<DailyJob> find(JobId id);

  /**
   * {@return the daily job of a date, or empty when the date has none}
   *
   * @param date the job's date
   */
  Optional<DailyJob> findByDate(LocalDate date);

  /**
   * {@return the most recent jobs, newest date first}
   *
   * @param limit the most jobs to return
   */
  List<DailyJob> recent(int limit);

  /**
   * Jobs a runner should pick up without being told, oldest first: PENDING, QUEUED, INTERRUPTED,
   * and RUNNING ones whose owner's lease lapsed before {@code now}.
   *
   * @param now the current time, to judge leases by
   * @return the jobs, oldest date first; empty when there is nothing to do
   */
  List<DailyJob> runnable(Instant now);

  /**
   * {@return the number of jobs in each status, every status present, those without jobs at 0} It
   * counts jobs, not their items, so it stays cheap however large the ledger grows.
   */
  Map<JobStatus, Long> countByStatus();

  /** {@return the job currently RUNNING, if any, whether or not its lease is still valid} */
  Optional<DailyJob> running();

  /**
   * Starts a job under a lease: a startable job, or a RUNNING one whose lease lapsed before {@code
   * now} (a takeover). Fails with {@link StartOutcome#BLOCKED} while another job runs.
   *
   * @param id the job
   * @param lease the owner and expiry to run it under
   * @param now the current time: the start time of a first start, and the time leases are judged by
   * @return whether the job now runs under {@code lease}, and if not, why
   */
  StartOutcome start(JobId id, Lease lease, Instant now);

  /**
   * Extends the lease of a RUNNING job its owner still holds; false if it lost the job.
   *
   * @param id the job
   * @param lease the same owner with a later expiry
   * @return true when extended; false when the job no longer runs under this owner
   */
  boolean renewLease(JobId id, Lease lease);

  /**
   * Extends the leases of the items the lease's owner holds in progress in a job, so that a scrape
   * that takes longer than a lease is not handed to another worker while it runs. Items another
   * owner has claimed since are left alone.
   *
   * @param id the job
   * @param lease the owner and the new expiry
   * @return how many item leases were extended
   */
  int renewItemLeases(JobId id, Lease lease);

  /**
   * Moves a RUNNING job its owner holds to a stopped status; false if it lost the job.
   *
   * @param id the job
   * @param owner the id of the instance that holds the job's lease
   * @param status the status to stop in: COMPLETED, INTERRUPTED or FAILED; the lease is dropped
   * @param now the time it stopped
   * @return true when stopped; false when the job no longer runs under {@code owner}
   */
  boolean finish(JobId id, String owner, JobStatus status, Instant now);

  /**
   * Marks a PENDING or INTERRUPTED job as waiting behind the running one.
   *
   * @param id the job
   * @return true when marked; false when the job had another status or does not exist
   */
  boolean markQueued(JobId id);

  /**
   * Cancels a job that is not COMPLETED or CANCELLED; false if it was.
   *
   * @param id the job
   * @param now the time it stopped; a running job's lease is dropped
   * @return true when cancelled; false when it was already COMPLETED or CANCELLED, or does not
   *     exist
   */
  boolean cancel(JobId id, Instant now);

  /**
   * Puts a job's FAILED items back to pending with a fresh attempt count and makes the job
   * startable again. Returns the number of items reopened; the job is left alone when none. A
   * reopened item keeps its last outcome, so it is claimed as {@link WorkItem#triedBefore()}. Items
   * of creators removed since (see {@link CreatorStore#remove}) stay FAILED.
   *
   * @param id the job; a RUNNING or CANCELLED one is left alone
   * @param now the current time
   * @return the number of items reopened
   */
  long retryFailed(JobId id, Instant now);

  /**
   * Skips a creator's items that no worker holds, in every job that is not COMPLETED or CANCELLED:
   * each PENDING item, waiting for a retry time or not, becomes SKIPPED with {@code message}, so
   * that the job neither scrapes the creator nor waits for it and its counts still add up to its
   * total. An item in progress is left to finish; final items, and items of finished jobs, stay as
   * they are. Skipping again changes nothing.
   *
   * @param creator the creator, such as one just removed
   * @param message why, as the ledger keeps it
   * @param now the finish time of the skipped items
   * @return how many items were skipped
   */
  long skipPending(CreatorId creator, String message, Instant now);

  /**
   * Writes what became of leased items. A final state, once written, is never overwritten.
   *
   * @param id the job
   * @param results one per item; an item the job does not hold is ignored
   * @param owner the id of the instance that leased the items; a PENDING result for an item it no
   *     longer holds is dropped, since another instance has it now
   * @param now the finish time of the final results
   */
  void record(JobId id, List<ItemResult> results, String owner, Instant now);

  /**
   * {@return the job's item counts by status; all zero for a job without items}
   *
   * @param id the job
   */
  JobProgress progress(JobId id);

  /**
   * {@return the job's item counts by status, per platform; a platform without items is absent}
   *
   * @param id the job
   */
  Map<Platform, JobProgress> progressByPlatform(JobId id);

  /**
   * {@return the number of FAILED items per outcome; an outcome without failures is absent}
   *
   * @param id the job
   */
  Map<ScrapeOutcome, Long> failureCounts(JobId id);

  /**
   * {@return failed items, ordered by creator id, a page at a time}
   *
   * @param id the job
   * @param offset how many failed items to skip
   * @param limit the most items to return
   */
  List<ItemFailure> failures(JobId id, int offset, int limit);

  /** The answer to {@link #start}. */
  enum StartOutcome {
    /** The job now runs under the lease given. */
    STARTED,
    /** Another job is running; this one waits. */
    BLOCKED,
    /** The job's status does not allow starting it, or it does not exist. */
    NOT_STARTABLE
  }
}
