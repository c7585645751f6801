package io.rescrape.core.domain;

import java.time.Instant;

/**
 * A creator's counts as one successful scrape read them: one point of its growth history. Counts
 * the platform did not report are null, as in {@link ProfileStats}.
 *
 * @param creatorId the creator
 * @param scrapedAt when the scrape finished
 * @param stats the counts, and whether some were rounded
 */
public record StatsSnapshot(CreatorId creatorId, Instant scrapedAt, ProfileStats stats) {}
