package io.rescrape.core.event;

import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.JobId;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.ScrapeOutcome;
import java.time.Instant;

/**
 * A creator's attempt failed in a way worth retrying; it is tried again at {@code retryAt}.
 *
 * @param at when the failure was recorded
 * @param jobId the job
 * @param creatorId the creator
 * @param platform its platform
 * @param reason the class of the attempt's result
 * @param attempt the attempt that failed, from 1
 * @param retryAt the earliest time of the next attempt
 */
public record RetryScheduled(
    Instant at,
    JobId jobId,
    CreatorId creatorId,
    Platform platform,
    ScrapeOutcome reason,
    int attempt,
    Instant retryAt)
    implements RescrapeEvent {}
