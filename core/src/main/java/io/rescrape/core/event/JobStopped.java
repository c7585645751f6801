package io.rescrape.core.event;

import io.rescrape.core.domain.JobId;
import io.rescrape.core.domain.JobProgress;
import io.rescrape.core.domain.JobStatus;
import java.time.Instant;

/** A job stopped running: COMPLETED, INTERRUPTED or FAILED. */
public record JobStopped(Instant at, JobId jobId, JobStatus status, JobProgress progress)
    implements RescrapeEvent {}
