package io.rescrape.core.domain;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What one scrape of one profile produced.
 *
 * @param outcome the class of the result
 * @param profile what was read; present for {@link ScrapeOutcome#OK}, possibly for {@link
 *     ScrapeOutcome#PRIVATE}
 * @param retryAfter how long the platform asked us to wait, for {@link ScrapeOutcome#RATE_LIMITED}
 * @param message a short explanation for an operator, empty for a success
 */
public record ScrapeResult(
    ScrapeOutcome outcome,
    @Nullable Profile profile,
    @Nullable Duration retryAfter,
    String message) {

  /**
   * A result; the factories below build each outcome with the fields it needs.
   *
   * @param outcome the class of the result
   * @param profile what was read; required for {@link ScrapeOutcome#OK}
   * @param retryAfter the wait the platform asked for; null when it named none
   * @param message a short explanation for an operator
   * @throws IllegalArgumentException when an OK result has no profile
   */
  public ScrapeResult {
    if (outcome == ScrapeOutcome.OK && profile == null) {
      throw new IllegalArgumentException("a successful scrape needs a profile");
    }
  }

  /**
   * {@return a successful read}
   *
   * @param profile what was read
   */
  public static ScrapeResult ok(Profile profile) {
    return new ScrapeResult(ScrapeOutcome.OK, profile, null, "");
  }

  /**
   * {@return the answer for an account the platform says does not exist}
   *
   * @param message what the platform answered, for an operator
   */
  public static ScrapeResult notFound(String message) {
    return new ScrapeResult(ScrapeOutcome.NOT_FOUND, null, null, message);
  }

  /**
   * {@return the answer for an account that exists but hides its data}
   *
   * @param profile what the platform still shows, such as counts; null when nothing
   * @param message what the platform answered, for an operator
   */
  public static ScrapeResult privateAccount(@Nullable Profile profile, String message) {
    return new ScrapeResult(ScrapeOutcome.PRIVATE, profile, null, message);
  }

  /**
   * {@return the answer for a platform that throttles us}
   *
   * @param retryAfter the wait the platform asked for, as in {@code Retry-After}; null when it
   *     named none, so the configured pause applies
   * @param message what the platform answered, for an operator
   */
  public static ScrapeResult rateLimited(@Nullable Duration retryAfter, String message) {
    return new ScrapeResult(ScrapeOutcome.RATE_LIMITED, null, retryAfter, message);
  }

  /**
   * {@return the answer for a login wall, a captcha or a page without data}
   *
   * @param message what was seen instead of the profile, for an operator
   */
  public static ScrapeResult blocked(String message) {
    return new ScrapeResult(ScrapeOutcome.BLOCKED, null, null, message);
  }

  /**
   * {@return the answer for a timeout, a connection error or a server error}
   *
   * @param message what failed, for an operator
   */
  public static ScrapeResult transientFailure(String message) {
    return new ScrapeResult(ScrapeOutcome.TRANSIENT, null, null, message);
  }

  /**
   * {@return the answer for a response whose data is not where the scraper expects it}
   *
   * @param message what was missing, for whoever fixes the scraper
   */
  public static ScrapeResult structureChanged(String message) {
    return new ScrapeResult(ScrapeOutcome.STRUCTURE_CHANGED, null, null, message);
  }

  /**
   * {@return the answer for a platform that rejects our client itself, whatever the creator}
   *
   * @param message what the platform complained about, for whoever fixes the configuration
   */
  public static ScrapeResult misconfigured(String message) {
    return new ScrapeResult(ScrapeOutcome.MISCONFIGURED, null, null, message);
  }
}
