package io.rescrape.core.event;

import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.JobId;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.ScrapeOutcome;
import java.time.Instant;

/**
 * A job gave up on a creator.
 *
 * @param at when the failure was recorded
 * @param jobId the job
 * @param creatorId the creator
 * @param platform its platform
 * @param reason the class of the last attempt's result
 * @param message the last explanation
 * @param attempts the attempts made, the failed one included
 */
public record CreatorFailed(
    Instant at,
    JobId jobId,
    CreatorId creatorId,
    Platform platform,
    ScrapeOutcome reason,
    String message,
    int attempts)
    implements RescrapeEvent {}
