package io.rescrape.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.rescrape.core.Rescrape;
import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.ItemFailure;
import io.rescrape.core.domain.JobId;
import io.rescrape.core.domain.JobProgress;
import io.rescrape.core.domain.JobStatus;
import io.rescrape.core.domain.ScrapeOutcome;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Jobs as the API shows them, with live progress and its rate. */
final class JobViews {

  /** A job with its progress. */
  record JobView(
      long id,
      String type,
      LocalDate date,
      String description,
      JobStatus status,
      long totalItems,
      Instant createdAt,
      @Nullable Instant startedAt,
      @Nullable Instant finishedAt,
      @Nullable String owner,
      ProgressView progress,
      @Nullable Double ratePerSecond,
      @Nullable Instant expectedEnd) {}

  /** The item counts of a job. */
  record ProgressView(
      long pending,
      long inProgress,
      long done,
      long failed,
      long skipped,
      long finished,
      long total,
      double percent) {

    static ProgressView of(JobProgress progress) {
      return new ProgressView(
          progress.pending(),
          progress.inProgress(),
          progress.done(),
          progress.failed(),
          progress.skipped(),
          progress.finished(),
          progress.total(),
          Math.round(progress.percent() * 10) / 10.0);
    }
  }

  /** A job with its failures counted by reason. */
  record JobDetail(@JsonUnwrapped JobView job, Map<ScrapeOutcome, Long> failuresByReason) {}

  /** A creator the job gave up on. */
  record FailureView(
      long creatorId,
      String platform,
      String handle,
      String displayHandle,
      ScrapeOutcome reason,
      String message,
      int attempts,
      @Nullable Instant failedAt) {

    static FailureView of(ItemFailure failure) {
      return new FailureView(
          failure.creatorId().value(),
          failure.platform().id(),
          failure.handle().value(),
          failure.displayHandle(),
          failure.reason(),
          failure.message(),
          failure.attempts(),
          failure.failedAt());
    }
  }

  /**
   * A completed job's counts, which stay as they are until a retry reopens the job (it is then no
   * longer COMPLETED) and it completes again (at another finish time). A cancelled job's counts may
   * still change: items in flight at the cancel finish.
   */
  private record CompletedProgress(@Nullable Instant finishedAt, JobProgress progress) {}

  private static final int COMPLETED_CACHE = 256;

  private final Rescrape rescrape;
  private final ProgressRates rates = new ProgressRates();
  private final Map<JobId, CompletedProgress> completed = new LinkedHashMap<>(16, 0.75f, true);

  JobViews(Rescrape rescrape) {
    this.rescrape = rescrape;
  }

  JobView view(DailyJob job) {
    JobProgress progress = progress(job);
    ProgressRates.Estimate estimate = rates.estimate(job, progress, rescrape.clock().instant());
    return new JobView(
        job.id().value(),
        DailyJob.TYPE,
        job.date(),
        job.description(),
        job.status(),
        job.totalItems(),
        job.createdAt(),
        job.startedAt(),
        job.finishedAt(),
        job.lease() == null ? null : job.lease().owner(),
        ProgressView.of(progress),
        estimate.perSecond(),
        estimate.expectedEnd());
  }

  JobDetail detail(DailyJob job) {
    Map<ScrapeOutcome, Long> failures = new LinkedHashMap<>();
    rescrape
        .jobs()
        .failureCounts(job.id())
        .forEach(
            (reason, count) -> {
              if (count > 0) {
                failures.put(reason, count);
              }
            });
    return new JobDetail(view(job), failures);
  }

  private JobProgress progress(DailyJob job) {
    if (job.status() != JobStatus.COMPLETED) {
      return rescrape.jobs().progress(job.id());
    }
    synchronized (completed) {
      CompletedProgress known = completed.get(job.id());
      if (known != null && Objects.equals(known.finishedAt(), job.finishedAt())) {
        return known.progress();
      }
    }
    JobProgress progress = rescrape.jobs().progress(job.id());
    synchronized (completed) {
      completed.put(job.id(), new CompletedProgress(job.finishedAt(), progress));
      if (completed.size() > COMPLETED_CACHE) {
        completed.remove(completed.keySet().iterator().next());
      }
    }
    return progress;
  }
}
