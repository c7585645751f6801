package io.rescrape.core.event;

import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.Platform;
import java.time.Instant;

/**
 * Someone removed a creator. It left the schedule; it is still stored with its history, and adding
 * its account again brings it back.
 *
 * @param at when it was removed
 * @param creatorId the creator
 * @param platform its platform
 * @param handle its handle
 * @param skippedItems how many of its items, not yet claimed in unfinished jobs, were skipped
 */
public record CreatorRemoved(
    Instant at, CreatorId creatorId, Platform platform, Handle handle, long skippedItems)
    implements RescrapeEvent {}
