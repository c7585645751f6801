package io.rescrape.core.domain;

/** Why a creator left the schedule. */
public enum GoneReason {
  /**
   * The platform said it does not exist, in the jobs of enough different dates. A visit, or adding
   * its account again, brings it back.
   */
  NOT_FOUND,
  /** Someone removed it. Only adding its account again brings it back. */
  REMOVED
}
