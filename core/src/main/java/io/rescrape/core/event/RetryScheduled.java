package io.rescrape.core.event;

import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.JobId;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.ScrapeOutcome;
import java.time.Instant;

/** A creator's attempt failed in a way worth retrying; it is tried again at {@code retryAt}. */
public record RetryScheduled(
    Instant at,
    JobId jobId,
    CreatorId creatorId,
    Platform platform,
    ScrapeOutcome reason,
    int attempt,
    Instant retryAt)
    implements RescrapeEvent {}
