package io.rescrape.micrometer;

import io.rescrape.core.Rescrape;
import io.rescrape.core.domain.JobStatus;
import io.rescrape.core.service.JobControl;
import java.util.Map;

/**
 * What the gauges read from the stores, all at once, so that one cache period costs one round of
 * queries and an outage one warning.
 *
 * @param jobs jobs per status, every status present
 * @param queueDepth items of the running job not finished yet; 0 when no job runs
 * @param activeCreators creators on the schedule
 * @param goneCreators creators marked gone
 */
record StoreReadings(
    Map<JobStatus, Long> jobs, long queueDepth, long activeCreators, long goneCreators) {

  StoreReadings {
    jobs = Map.copyOf(jobs);
  }

  /** {@return the readings of now} */
  static StoreReadings of(Rescrape rescrape) {
    JobControl jobs = rescrape.jobs();
    long queueDepth = jobs.running().map(job -> jobs.progress(job.id()).remaining()).orElse(0L);
    return new StoreReadings(
        jobs.countByStatus(),
        queueDepth,
        rescrape.creators().count(),
        rescrape.creators().countGone());
  }

  /** {@return the number of jobs in {@code status}} */
  long jobs(JobStatus status) {
    return jobs.getOrDefault(status, 0L);
  }
}
