package io.rescrape.example.output;

import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.ItemFailure;
import io.rescrape.core.domain.JobProgress;
import io.rescrape.core.domain.ScrapeOutcome;
import io.rescrape.core.service.JobControl;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A job as the CLI shows it: what it is, where it stands, and which creators failed and why.
 *
 * @param id the job id
 * @param type always {@code daily_rescrape}
 * @param date the date whose due creators it holds
 * @param description for example {@code Daily rescrape - 292 creators due (2025-08-27)}
 * @param status its status
 * @param total creators it holds
 * @param succeeded creators scraped successfully
 * @param failed creators given up on
 * @param skipped creators another job refreshed first
 * @param pending creators not finished yet
 * @param createdAt when it was created
 * @param startedAt when it first started
 * @param finishedAt when it last stopped
 * @param failuresByReason failed creators per outcome class
 * @param failedCreators the first failed creators
 */
public record JobView(
    long id,
    String type,
    LocalDate date,
    String description,
    String status,
    long total,
    long succeeded,
    long failed,
    long skipped,
    long pending,
    Instant createdAt,
    @Nullable Instant startedAt,
    @Nullable Instant finishedAt,
    Map<ScrapeOutcome, Long> failuresByReason,
    List<FailedCreator> failedCreators) {

  /** How many failed creators a view lists. */
  public static final int LISTED_FAILURES = 20;

  public static JobView of(DailyJob job, JobControl jobs) {
    JobProgress progress = jobs.progress(job.id());
    return new JobView(
        job.id().value(),
        DailyJob.TYPE,
        job.date(),
        job.description(),
        job.status().name(),
        job.totalItems(),
        progress.done(),
        progress.failed(),
        progress.skipped(),
        progress.remaining(),
        job.createdAt(),
        job.startedAt(),
        job.finishedAt(),
        new LinkedHashMap<>(jobs.failureCounts(job.id())),
        jobs.failures(job.id(), 0, LISTED_FAILURES).stream().map(FailedCreator::of).toList());
  }

  /** The human summary that ends run-daily, resume and retry-failed. */
  public void printSummary(PrintWriter out) {
    out.printf(
        "Job %d %s: %d succeeded, %d failed, %d skipped, %d not finished%n",
        id, status, succeeded, failed, skipped, pending);
    if (!failuresByReason.isEmpty()) {
      out.println("Failed by reason: " + reasons());
      for (FailedCreator creator : failedCreators) {
        out.printf(
            "  %-9s @%-24s %-17s %s (attempts %d)%n",
            creator.platform(),
            creator.displayHandle(),
            creator.reason(),
            creator.message(),
            creator.attempts());
      }
      if (failed > failedCreators.size()) {
        out.printf("  ... and %d more%n", failed - failedCreators.size());
      }
    }
    out.flush();
  }

  private String reasons() {
    return failuresByReason.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  /**
   * A creator the job gave up on.
   *
   * @param creatorId its id
   * @param platform its platform
   * @param handle its normalised handle
   * @param displayHandle its handle as first added, case kept
   * @param reason the outcome class
   * @param message the last explanation
   * @param attempts attempts made
   */
  public record FailedCreator(
      long creatorId,
      String platform,
      String handle,
      String displayHandle,
      ScrapeOutcome reason,
      String message,
      int attempts) {

    static FailedCreator of(ItemFailure failure) {
      return new FailedCreator(
          failure.creatorId().value(),
          failure.platform().id(),
          failure.handle().value(),
          failure.displayHandle(),
          failure.reason(),
          failure.message(),
          failure.attempts());
    }
  }
}
