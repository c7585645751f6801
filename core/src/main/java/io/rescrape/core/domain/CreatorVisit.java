package io.rescrape.core.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A creator was reached: what to store about it. Reaching a creator ends any {@link NotFoundStreak}
 * and brings a gone creator back.
 *
 * <p>A {@link ScrapeOutcome#PRIVATE} visit never erases a known count: a private profile shows 0
 * for what it hides, so its counts of 0 are dropped here and read as unknown (null), and a store
 * keeps the value it has for every unknown count. Its profile is marked private.
 *
 * @param creatorId which creator
 * @param scrapedAt when the scrape finished
 * @param nextDue its next due date
 * @param profile what was read; null fields keep the values already stored
 * @param outcome {@link ScrapeOutcome#OK}, or {@link ScrapeOutcome#PRIVATE} for an account that
 *     hides its data; only an OK visit adds a stats snapshot
 */
public record CreatorVisit(
    CreatorId creatorId,
    Instant scrapedAt,
    LocalDate nextDue,
    @Nullable Profile profile,
    ScrapeOutcome outcome) {

  /**
   * A visit, with what a private profile hides taken out.
   *
   * @param creatorId which creator
   * @param scrapedAt when the scrape finished
   * @param nextDue its next due date
   * @param profile what was read; null fields keep the values already stored
   * @param outcome OK or PRIVATE, the two outcomes that count as a visit
   * @throws IllegalArgumentException for any other outcome
   */
  public CreatorVisit {
    if (!outcome.countsAsVisit()) {
      throw new IllegalArgumentException(
          "creator " + creatorId + " was not reached (" + outcome + "); that is no visit");
    }
    if (outcome == ScrapeOutcome.PRIVATE) {
      profile = privateView(profile);
    }
  }

  /**
   * A successful visit.
   *
   * @param creatorId which creator
   * @param scrapedAt when the scrape finished
   * @param nextDue its next due date
   * @param profile what was read; null fields keep the values already stored
   */
  public CreatorVisit(
      CreatorId creatorId, Instant scrapedAt, LocalDate nextDue, @Nullable Profile profile) {
    this(creatorId, scrapedAt, nextDue, profile, ScrapeOutcome.OK);
  }

  /** {@return the stats this visit adds to the creator's history; empty unless it was OK} */
  public Optional<StatsSnapshot> snapshot() {
    if (outcome != ScrapeOutcome.OK || profile == null) {
      return Optional.empty();
    }
    return Optional.of(new StatsSnapshot(creatorId, scrapedAt, profile.stats()));
  }

  private static Profile privateView(@Nullable Profile read) {
    if (read == null) {
      return new Profile(null, null, null, null, true, ProfileStats.UNKNOWN);
    }
    ProfileStats stats = read.stats();
    return new Profile(
        read.platformUserId(),
        read.displayName(),
        read.biography(),
        read.verified(),
        true,
        new ProfileStats(
            shown(stats.followers()),
            shown(stats.following()),
            shown(stats.posts()),
            shown(stats.likes()),
            stats.approximate()));
  }

  private static @Nullable Long shown(@Nullable Long count) {
    return count == null || count == 0 ? null : count;
  }
}
