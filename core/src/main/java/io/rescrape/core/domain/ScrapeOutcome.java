package io.rescrape.core.domain;

/**
 * The class of a scrape's result. Every response a scraper sees maps to exactly one of these, and
 * each class has one effect on the job item and on the creator's schedule.
 */
public enum ScrapeOutcome {
  /** The profile was read. The creator's stats are stored and it returns on its day. */
  OK(Effect.SUCCEED),
  /**
   * The platform says the account does not exist. Reported, not retried in this job; the creator
   * stays due, so a wrong answer is corrected by the next daily job.
   */
  NOT_FOUND(Effect.FAIL),
  /**
   * The account exists but hides its data. Reported, not retried in this job; the last known counts
   * are kept and the creator returns on its day like a success.
   */
  PRIVATE(Effect.FAIL),
  /**
   * The platform throttles us. The whole platform pauses for the time it asked; the creator goes
   * back to pending and loses no attempt.
   */
  RATE_LIMITED(Effect.DEFER),
  /** A login wall, a captcha or a page without data. Retried with backoff. */
  BLOCKED(Effect.RETRY),
  /** A timeout, a connection error or a server error. Retried with backoff. */
  TRANSIENT(Effect.RETRY),
  /** The data is not where it should be; retrying will not help until the scraper is fixed. */
  STRUCTURE_CHANGED(Effect.FAIL);

  /** What an outcome does to the job item. */
  public enum Effect {
    SUCCEED,
    FAIL,
    RETRY,
    DEFER
  }

  private final Effect effect;

  ScrapeOutcome(Effect effect) {
    this.effect = effect;
  }

  public Effect effect() {
    return effect;
  }

  /** Whether the creator was reached and its schedule moves on to its next cycle day. */
  public boolean countsAsVisit() {
    return this == OK || this == PRIVATE;
  }
}
