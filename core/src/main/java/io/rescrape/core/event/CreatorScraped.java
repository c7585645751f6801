package io.rescrape.core.event;

import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.JobId;
import io.rescrape.core.domain.Platform;
import java.time.Duration;
import java.time.Instant;

/** A creator's profile was read within a job. */
public record CreatorScraped(
    Instant at, JobId jobId, CreatorId creatorId, Platform platform, Duration took)
    implements RescrapeEvent {}
