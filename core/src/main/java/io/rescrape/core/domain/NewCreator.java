package io.rescrape.core.domain;

import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A creator to add to the schedule.
 *
 * @param platform where the profile lives
 * @param handle the normalised handle
 * @param displayHandle the handle as the user wrote it, case kept, without {@code @} or URL; kept
 *     for display when this creator is the first of its account to be added
 * @param lastScrapedAt when an earlier system last read it; null if never
 */
public record NewCreator(
    Platform platform, Handle handle, String displayHandle, @Nullable Instant lastScrapedAt) {

  /**
   * A creator whose display form matches its handle.
   *
   * @param platform where the profile lives
   * @param handle the normalised handle
   * @param displayHandle a form that, lower-cased, equals {@code handle}
   * @param lastScrapedAt when an earlier system last read it; null if never
   * @throws IllegalArgumentException when the display form names another handle
   */
  public NewCreator {
    if (!displayHandle.toLowerCase(Locale.ROOT).equals(handle.value())) {
      throw new IllegalArgumentException(
          "display handle '" + displayHandle + "' does not match handle '" + handle + "'");
    }
  }

  /**
   * A creator displayed as its normalised handle.
   *
   * @param platform where the profile lives
   * @param handle the normalised handle, which is also its display form
   * @param lastScrapedAt when an earlier system last read it; null if never
   */
  public NewCreator(Platform platform, Handle handle, @Nullable Instant lastScrapedAt) {
    this(platform, handle, handle.value(), lastScrapedAt);
  }

  /**
   * {@return a creator that was never scraped, with its handle normalised and its display form kept
   * as written}
   *
   * @param platform where the profile lives
   * @param handle the handle as a user typed it, or a profile URL (see {@link Handle#of})
   * @throws InvalidInputException when the handle breaks the platform's rules or the URL is not a
   *     profile URL of the platform
   */
  public static NewCreator of(Platform platform, String handle) {
    return of(platform, handle, null);
  }

  /**
   * {@return a creator with its handle normalised, its display form kept as written, and the time
   * an earlier system last read it}
   *
   * @param platform where the profile lives
   * @param handle the handle as a user typed it, or a profile URL (see {@link Handle#of})
   * @param lastScrapedAt when an earlier system last read it; null if never
   * @throws InvalidInputException when the handle breaks the platform's rules or the URL is not a
   *     profile URL of the platform
   */
  public static NewCreator of(Platform platform, String handle, @Nullable Instant lastScrapedAt) {
    String written = Handle.displayForm(platform, handle);
    return new NewCreator(
        platform, new Handle(written.toLowerCase(Locale.ROOT)), written, lastScrapedAt);
  }
}
