package io.rescrape.core.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A creator to add to the schedule.
 *
 * @param platform where the profile lives
 * @param handle the normalised handle
 * @param lastScrapedAt when an earlier system last read it; null if never
 */
public record NewCreator(Platform platform, Handle handle, @Nullable Instant lastScrapedAt) {

  /**
   * {@return a creator that was never scraped, with its handle normalised}
   *
   * @param platform where the profile lives
   * @param handle the handle as a user typed it
   * @throws InvalidInputException when the handle breaks the platform's rules
   */
  public static NewCreator of(Platform platform, String handle) {
    return new NewCreator(platform, Handle.of(platform, handle), null);
  }
}
