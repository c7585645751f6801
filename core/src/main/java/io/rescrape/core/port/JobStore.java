package io.rescrape.core.port;

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
   */
  DailyJobCreation createDailyJob(LocalDate date, Instant now);

  Optional<DailyJob> find(JobId id);

  Optional<DailyJob> findByDate(LocalDate date);

  /** The most recent jobs, newest date first. */
  List<DailyJob> recent(int limit);

  /**
   * Jobs a runner should pick up without being told, oldest first: PENDING, QUEUED, INTERRUPTED,
   * and RUNNING ones whose owner's lease lapsed before {@code now}.
   */
  List<DailyJob> runnable(Instant now);

  /** The job currently RUNNING, if any, whether or not its lease is still valid. */
  Optional<DailyJob> running();

  /**
   * Starts a job under a lease: a startable job, or a RUNNING one whose lease lapsed before {@code
   * now} (a takeover). Fails with {@link StartOutcome#BLOCKED} while another job runs.
   */
  StartOutcome start(JobId id, Lease lease, Instant now);

  /** Extends the lease of a RUNNING job its owner still holds; false if it lost the job. */
  boolean renewLease(JobId id, Lease lease);

  /** Moves a RUNNING job its owner holds to a stopped status; false if it lost the job. */
  boolean finish(JobId id, String owner, JobStatus status, Instant now);

  /** Marks a PENDING or INTERRUPTED job as waiting behind the running one. */
  boolean markQueued(JobId id);

  /** Cancels a job that is not COMPLETED or CANCELLED; false if it was. */
  boolean cancel(JobId id, Instant now);

  /**
   * Puts a job's FAILED items back to pending with a fresh attempt count and makes the job
   * startable again. Returns the number of items reopened; the job is left alone when none.
   */
  long retryFailed(JobId id, Instant now);

  /** Writes what became of leased items. A final state, once written, is never overwritten. */
  void record(JobId id, List<ItemResult> results, String owner, Instant now);

  JobProgress progress(JobId id);

  Map<Platform, JobProgress> progressByPlatform(JobId id);

  Map<ScrapeOutcome, Long> failureCounts(JobId id);

  /** Failed items, ordered by creator id, a page at a time. */
  List<ItemFailure> failures(JobId id, int offset, int limit);

  /** The answer to {@link #start}. */
  enum StartOutcome {
    STARTED,
    /** Another job is running; this one waits. */
    BLOCKED,
    /** The job's status does not allow starting it, or it does not exist. */
    NOT_STARTABLE
  }
}
