package io.rescrape.core.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A creator a job gave up on.
 *
 * @param creatorId the creator
 * @param platform its platform
 * @param handle its handle
 * @param displayHandle its handle as first added, case kept, for display
 * @param reason the outcome class
 * @param message the last explanation
 * @param attempts how many attempts were made
 * @param failedAt when the job gave up
 */
public record ItemFailure(
    CreatorId creatorId,
    Platform platform,
    Handle handle,
    String displayHandle,
    ScrapeOutcome reason,
    String message,
    int attempts,
    @Nullable Instant failedAt) {}
