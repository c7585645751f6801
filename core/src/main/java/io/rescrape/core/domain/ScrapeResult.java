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

  public ScrapeResult {
    if (outcome == ScrapeOutcome.OK && profile == null) {
      throw new IllegalArgumentException("a successful scrape needs a profile");
    }
  }

  public static ScrapeResult ok(Profile profile) {
    return new ScrapeResult(ScrapeOutcome.OK, profile, null, "");
  }

  public static ScrapeResult notFound(String message) {
    return new ScrapeResult(ScrapeOutcome.NOT_FOUND, null, null, message);
  }

  public static ScrapeResult privateAccount(@Nullable Profile profile, String message) {
    return new ScrapeResult(ScrapeOutcome.PRIVATE, profile, null, message);
  }

  public static ScrapeResult rateLimited(@Nullable Duration retryAfter, String message) {
    return new ScrapeResult(ScrapeOutcome.RATE_LIMITED, null, retryAfter, message);
  }

  public static ScrapeResult blocked(String message) {
    return new ScrapeResult(ScrapeOutcome.BLOCKED, null, null, message);
  }

  public static ScrapeResult transientFailure(String message) {
    return new ScrapeResult(ScrapeOutcome.TRANSIENT, null, null, message);
  }

  public static ScrapeResult structureChanged(String message) {
    return new ScrapeResult(ScrapeOutcome.STRUCTURE_CHANGED, null, null, message);
  }
}
