package io.rescrape.core.service;

import io.rescrape.core.domain.CreatorId;
import org.jspecify.annotations.Nullable;

/**
 * What became of one creator offered to an import.
 *
 * @param status added, already stored, or rejected
 * @param creatorId the new id, when added
 * @param detail why it was not added; empty when added
 */
public record ImportOutcome(Status status, @Nullable CreatorId creatorId, String detail) {

  /** The three fates of an imported creator. */
  public enum Status {
    ADDED,
    DUPLICATE,
    REJECTED
  }

  public static ImportOutcome added(CreatorId id) {
    return new ImportOutcome(Status.ADDED, id, "");
  }

  public static ImportOutcome duplicate() {
    return new ImportOutcome(Status.DUPLICATE, null, "already scheduled");
  }

  public static ImportOutcome rejected(String why) {
    return new ImportOutcome(Status.REJECTED, null, why);
  }
}
