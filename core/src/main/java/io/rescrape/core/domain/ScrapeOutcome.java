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
   * stays due, so a wrong answer is corrected by the next daily job. Only NOT_FOUND in the jobs of
   * {@link ScheduleSettings#goneAfterNotFound()} different dates, with no visit between them, marks
   * the creator gone.
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
  STRUCTURE_CHANGED(Effect.FAIL),
  /**
   * The platform rejects our client itself (its headers, app id, user agent or proxy), whatever the
   * creator: an alert about our configuration. The platform pauses as if its circuit breaker
   * opened; the creator goes back to pending and loses no attempt.
   */
  MISCONFIGURED(Effect.DEFER);

  /** What an outcome does to the job item. */
  public enum Effect {
    /** The item is done. */
    SUCCEED,
    /** The item fails and is not tried again in this job. */
    FAIL,
    /**
     * The item goes back to pending after a backoff and the attempt counts; it fails once the
     * attempts run out.
     */
    RETRY,
    /**
     * The item goes back to pending until the platform's pause ends; the attempt does not count.
     */
    DEFER
  }

  private final Effect effect;

  ScrapeOutcome(Effect effect) {
    this.effect = effect;
  }

  /** {@return what this outcome does to the job item} */
  public Effect effect() {
    return effect;
  }

  /**
   * {@return whether the creator was reached, so its schedule moves on to its next cycle day} True
   * for {@link #OK} and {@link #PRIVATE}.
   */
  public boolean countsAsVisit() {
    return this == OK || this == PRIVATE;
  }
}
