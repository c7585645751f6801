package io.rescrape.core.event;

import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.JobId;
import io.rescrape.core.domain.Platform;
import java.time.Duration;
import java.time.Instant;

/**
 * A creator's profile was read within a job.
 *
 * @param at when the success was recorded
 * @param jobId the job
 * @param creatorId the creator
 * @param platform its platform
 * @param took how long the scrape took
 */
public record CreatorScraped(
    Instant at, JobId jobId, CreatorId creatorId, Platform platform, Duration took)
    implements RescrapeEvent {}
