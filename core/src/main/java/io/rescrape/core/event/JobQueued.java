package io.rescrape.core.event;

import io.rescrape.core.domain.JobId;
import java.time.Instant;

/** A job waits because another job is running. */
public record JobQueued(Instant at, JobId jobId, JobId runningJobId) implements RescrapeEvent {}
