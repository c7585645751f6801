package io.rescrape.core.service;

import com.google.common.collect.ImmutableMap;
import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.JobProgress;
import io.rescrape.core.domain.ScrapeOutcome;
import java.time.Duration;
import java.util.Map;

/**
 * How a run of a job ended on this instance.
 *
 * @param job the job as stored when the run ended
 * @param progress its item counts
 * @param failures failed items by reason
 * @param took how long this run lasted
 */
public record RunReport(
    DailyJob job, JobProgress progress, Map<ScrapeOutcome, Long> failures, Duration took) {

  /**
   * A report, with the failures copied.
   *
   * @param job the job as stored when the run ended
   * @param progress its item counts
   * @param failures failed items by reason
   * @param took how long this run lasted
   */
  public RunReport {
    failures = ImmutableMap.copyOf(failures);
  }
}
