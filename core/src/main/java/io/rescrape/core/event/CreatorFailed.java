package io.rescrape.core.event;

import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.JobId;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.ScrapeOutcome;
import java.time.Instant;

/** A job gave up on a creator. */
public record CreatorFailed(
    Instant at,
    JobId jobId,
    CreatorId creatorId,
    Platform platform,
    ScrapeOutcome reason,
    String message,
    int attempts)
    implements RescrapeEvent {}
