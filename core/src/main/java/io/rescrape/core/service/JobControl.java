package io.rescrape.core.service;

import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.ItemFailure;
import io.rescrape.core.domain.JobId;
import io.rescrape.core.domain.JobProgress;
import io.rescrape.core.domain.JobStateException;
import io.rescrape.core.domain.JobStatus;
import io.rescrape.core.domain.NotFoundException;
import io.rescrape.core.domain.ScrapeOutcome;
import io.rescrape.core.port.JobStore;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads jobs and changes their course: cancel, retry the failed creators, what runs next. */
public final class JobControl {

  private static final Logger log = LoggerFactory.getLogger(JobControl.class);

  private final JobStore jobs;
  private final Clock clock;

  /**
   * Job control over a store.
   *
   * @param jobs the job store and its ledger
   * @param clock the time cancellations and reopenings are stamped with and leases judged by
   */
  @Inject
  public JobControl(JobStore jobs, Clock clock) {
    this.jobs = jobs;
    this.clock = clock;
  }

  /**
   * {@return the job with this id, or empty when there is none}
   *
   * @param id the job's id
   */
  public Optional<DailyJob> find(JobId id) {
    return jobs.find(id);
  }

  /**
   * The job with this id.
   *
   * @param id the job's id
   * @return the job as stored now
   * @throws NotFoundException when there is none
   */
  public DailyJob get(JobId id) {
    return jobs.find(id).orElseThrow(() -> NotFoundException.job(id));
  }

  /**
   * {@return the most recent jobs, newest date first}
   *
   * @param limit the most jobs to return; capped at 1000, and a negative limit counts as 0
   */
  public List<DailyJob> recent(int limit) {
    return jobs.recent(Math.max(0, Math.min(limit, 1_000)));
  }

  /**
   * {@return the job's item counts by status}
   *
   * @param id the job's id
   * @throws NotFoundException when there is no such job
   */
  public JobProgress progress(JobId id) {
    return jobs.progress(get(id).id());
  }

  /**
   * {@return the job's failed creators counted per outcome; an outcome without failures is absent}
   *
   * @param id the job's id
   * @throws NotFoundException when there is no such job
   */
  public Map<ScrapeOutcome, Long> failureCounts(JobId id) {
    return jobs.failureCounts(get(id).id());
  }

  /**
   * {@return the job's failed creators, ordered by creator id, a page at a time}
   *
   * @param id the job's id
   * @param offset how many failed creators to skip; a negative offset counts as 0
   * @param limit the most to return; capped at 1000, and a negative limit counts as 0
   * @throws NotFoundException when there is no such job
   */
  public List<ItemFailure> failures(JobId id, int offset, int limit) {
    return jobs.failures(get(id).id(), Math.max(0, offset), Math.max(0, Math.min(limit, 1_000)));
  }

  /**
   * Cancels a job: workers stop within a lease renewal, and its unfinished creators stay due and
   * join the next daily job.
   *
   * @param id the job's id
   * @return the job as stored after cancelling
   * @throws NotFoundException when there is no such job
   * @throws JobStateException when the job is COMPLETED or already CANCELLED
   */
  public DailyJob cancel(JobId id) {
    DailyJob job = get(id);
    if (!jobs.cancel(id, clock.instant())) {
      throw new JobStateException("job " + id + " is " + job.status() + " and cannot be cancelled");
    }
    log.info(
        "Job {} cancelled (was {}); its unfinished creators join the next daily job",
        id,
        job.status());
    return get(id);
  }

  /**
   * Reopens exactly the failed creators of a stopped job, with fresh attempts, and makes the job
   * runnable again; creators removed since stay failed. Returns how many were reopened.
   *
   * @param id the job's id
   * @return the number of creators reopened; with none, the job is left as it was
   * @throws NotFoundException when there is no such job
   * @throws JobStateException while the job runs, or when it was cancelled
   */
  public long retryFailed(JobId id) {
    DailyJob job = get(id);
    if (job.status() == JobStatus.CANCELLED) {
      throw new JobStateException(
          "job "
              + id
              + " was cancelled; its failed creators are due again and join the next daily"
              + " job");
    }
    if (job.status() == JobStatus.RUNNING) {
      throw new JobStateException(
          "job " + id + " is RUNNING; failed creators can be retried once it stops");
    }
    long reopened = jobs.retryFailed(id, clock.instant());
    log.info("Job {}: {} failed creators reopened for another try", id, reopened);
    return reopened;
  }

  /** {@return the number of jobs in each status; every status is present, 0 when it has none} */
  public Map<JobStatus, Long> countByStatus() {
    return jobs.countByStatus();
  }

  /** {@return the job running now, on this instance or another, if any} */
  public Optional<DailyJob> running() {
    return jobs.running();
  }

  /**
   * The job this instance should run next, if any: the oldest of those pending, queued,
   * interrupted, or running under a lapsed lease.
   *
   * @return that job, or empty when there is nothing to run
   */
  public Optional<DailyJob> nextRunnable() {
    return jobs.runnable(clock.instant()).stream().findFirst();
  }
}
