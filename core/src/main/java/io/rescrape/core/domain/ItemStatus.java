package io.rescrape.core.domain;

/** Where one creator of one job stands. */
public enum ItemStatus {
  /** Waiting to be scraped, possibly not before a retry time. */
  PENDING,
  /** Leased to a worker. */
  IN_PROGRESS,
  /** Scraped successfully. */
  DONE,
  /** Given up on in this job; the reason and attempts are kept. */
  FAILED,
  /** Not scraped because another job already refreshed the creator, or the creator was removed. */
  SKIPPED;

  /**
   * {@return whether this is a final state: DONE, FAILED or SKIPPED} A final state, once in the
   * ledger, is not overwritten by a later result.
   */
  public boolean isFinal() {
    return this == DONE || this == FAILED || this == SKIPPED;
  }
}
