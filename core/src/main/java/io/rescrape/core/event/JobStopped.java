package io.rescrape.core.event;

import io.rescrape.core.domain.JobId;
import io.rescrape.core.domain.JobProgress;
import io.rescrape.core.domain.JobStatus;
import java.time.Instant;

/**
 * A job stopped running: COMPLETED, INTERRUPTED or FAILED.
 *
 * @param at when it stopped
 * @param jobId the job
 * @param status the status it stopped in
 * @param progress its item counts when it stopped
 */
public record JobStopped(Instant at, JobId jobId, JobStatus status, JobProgress progress)
    implements RescrapeEvent {}
