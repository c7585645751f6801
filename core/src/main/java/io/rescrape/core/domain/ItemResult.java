package io.rescrape.core.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What became of a leased item, to be written to the ledger.
 *
 * @param creatorId the creator
 * @param status DONE, FAILED or SKIPPED when final; PENDING to try again
 * @param outcome the scrape outcome behind it; null for a skip
 * @param message the outcome's explanation
 * @param retryAt for PENDING, the earliest time to try again
 * @param refundAttempt for PENDING, whether the attempt did not count (a platform throttle)
 */
public record ItemResult(
    CreatorId creatorId,
    ItemStatus status,
    @Nullable ScrapeOutcome outcome,
    String message,
    @Nullable Instant retryAt,
    boolean refundAttempt) {

  public static ItemResult done(CreatorId id) {
    return new ItemResult(id, ItemStatus.DONE, ScrapeOutcome.OK, "", null, false);
  }

  public static ItemResult skipped(CreatorId id, String why) {
    return new ItemResult(id, ItemStatus.SKIPPED, null, why, null, false);
  }

  public static ItemResult failed(CreatorId id, ScrapeOutcome outcome, String message) {
    return new ItemResult(id, ItemStatus.FAILED, outcome, message, null, false);
  }

  public static ItemResult retry(
      CreatorId id, ScrapeOutcome outcome, String message, Instant retryAt) {
    return new ItemResult(id, ItemStatus.PENDING, outcome, message, retryAt, false);
  }

  /** Back to pending at no cost: the platform, not the creator, was the problem. */
  public static ItemResult deferred(
      CreatorId id, ScrapeOutcome outcome, String message, Instant retryAt) {
    return new ItemResult(id, ItemStatus.PENDING, outcome, message, retryAt, true);
  }
}
