package io.rescrape.core.service;

import io.rescrape.core.domain.CreatorId;
import org.jspecify.annotations.Nullable;

/**
 * What became of one creator offered to an import.
 *
 * @param status added, brought back, already stored, or rejected
 * @param creatorId the new id when added; the existing id when brought back
 * @param detail what happened when it was not simply added; empty when added
 */
public record ImportOutcome(Status status, @Nullable CreatorId creatorId, String detail) {

  /** The fates of an imported creator. */
  public enum Status {
    /** Now on the schedule, under a new id. */
    ADDED,
    /**
     * Was stored but gone, after repeated NOT_FOUND answers, or removed; back on the schedule under
     * its old id, due at once.
     */
    RETURNED,
    /** Already on the schedule, or earlier in the same batch; left as it was. */
    DUPLICATE,
    /** Not added because of its data, such as a last scrape in the future; the detail says why. */
    REJECTED
  }

  /**
   * {@return the outcome for a creator that was added}
   *
   * @param id the id the store assigned it
   */
  public static ImportOutcome added(CreatorId id) {
    return new ImportOutcome(Status.ADDED, id, "");
  }

  /**
   * {@return the outcome for a gone or removed creator brought back onto the schedule}
   *
   * @param id its id, unchanged
   */
  public static ImportOutcome returned(CreatorId id) {
    return new ImportOutcome(
        Status.RETURNED,
        id,
        "was gone after repeated NOT_FOUND answers, or removed; back and due at once");
  }

  /** {@return the outcome for a creator whose platform and handle were already stored} */
  public static ImportOutcome duplicate() {
    return new ImportOutcome(Status.DUPLICATE, null, "already scheduled");
  }

  /**
   * {@return the outcome for a creator that was refused}
   *
   * @param why the reason, for the person importing
   */
  public static ImportOutcome rejected(String why) {
    return new ImportOutcome(Status.REJECTED, null, why);
  }
}
