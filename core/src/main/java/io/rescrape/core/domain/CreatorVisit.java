package io.rescrape.core.domain;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A creator was reached: what to store about it.
 *
 * @param creatorId which creator
 * @param scrapedAt when the scrape finished
 * @param nextDue its next due date
 * @param profile what was read; null fields keep the values already stored
 */
public record CreatorVisit(
    CreatorId creatorId, Instant scrapedAt, LocalDate nextDue, @Nullable Profile profile) {}
