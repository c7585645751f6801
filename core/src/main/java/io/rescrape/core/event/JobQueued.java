package io.rescrape.core.event;

import io.rescrape.core.domain.JobId;
import java.time.Instant;

/**
 * A job waits because another job is running.
 *
 * @param at when it was queued
 * @param jobId the job that waits
 * @param runningJobId the job it waits for
 */
public record JobQueued(Instant at, JobId jobId, JobId runningJobId) implements RescrapeEvent {}
