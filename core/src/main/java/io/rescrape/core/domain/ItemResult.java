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

  /**
   * {@return a final success: the creator's profile was read}
   *
   * @param id the creator
   */
  public static ItemResult done(CreatorId id) {
    return new ItemResult(id, ItemStatus.DONE, ScrapeOutcome.OK, "", null, false);
  }

  /**
   * {@return a final skip: another job already refreshed the creator, so it was not scraped}
   *
   * @param id the creator
   * @param why the explanation the ledger keeps
   */
  public static ItemResult skipped(CreatorId id, String why) {
    return new ItemResult(id, ItemStatus.SKIPPED, null, why, null, false);
  }

  /**
   * {@return a final failure: the creator is not tried again in this job}
   *
   * @param id the creator
   * @param outcome the class of the last attempt's result
   * @param message its explanation
   */
  public static ItemResult failed(CreatorId id, ScrapeOutcome outcome, String message) {
    return new ItemResult(id, ItemStatus.FAILED, outcome, message, null, false);
  }

  /**
   * {@return a result that puts the creator back to pending after a failed attempt, which counts}
   *
   * @param id the creator
   * @param outcome the class of the attempt's result
   * @param message its explanation
   * @param retryAt the earliest time to try again
   */
  public static ItemResult retry(
      CreatorId id, ScrapeOutcome outcome, String message, Instant retryAt) {
    return new ItemResult(id, ItemStatus.PENDING, outcome, message, retryAt, false);
  }

  /**
   * {@return a result that puts the creator back to pending at no cost: the platform, not the
   * creator, was the problem}
   *
   * @param id the creator
   * @param outcome the class of the result, normally {@link ScrapeOutcome#RATE_LIMITED}
   * @param message its explanation
   * @param retryAt when the platform's pause ends
   */
  public static ItemResult deferred(
      CreatorId id, ScrapeOutcome outcome, String message, Instant retryAt) {
    return new ItemResult(id, ItemStatus.PENDING, outcome, message, retryAt, true);
  }
}
