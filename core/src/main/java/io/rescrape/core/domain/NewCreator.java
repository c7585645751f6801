package io.rescrape.core.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
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

  /** The earliest last scrape accepted: older times are typing mistakes, not history. */
  public static final Instant EARLIEST_LAST_SCRAPE = Instant.parse("2000-01-01T00:00:00Z");

  /**
   * A creator whose display form matches its handle.
   *
   * @param platform where the profile lives
   * @param handle the normalised handle
   * @param displayHandle a form that, lower-cased, equals {@code handle}
   * @param lastScrapedAt when an earlier system last read it; null if never
   * @throws IllegalArgumentException when the display form names another handle
   * @throws InvalidInputException when the last scrape lies before {@link #EARLIEST_LAST_SCRAPE}
   *     (one in the future is the import's to refuse, against its clock)
   */
  public NewCreator {
    if (!displayHandle.toLowerCase(Locale.ROOT).equals(handle.value())) {
      throw new IllegalArgumentException(
          "display handle '" + displayHandle + "' does not match handle '" + handle + "'");
    }
    if (lastScrapedAt != null && lastScrapedAt.isBefore(EARLIEST_LAST_SCRAPE)) {
      throw new InvalidInputException(
          "last scraped at " + lastScrapedAt + " lies before the year 2000");
    }
  }

  /**
   * Reads a last-scrape time as people write it.
   *
   * @param text an instant or a date-time with an offset ({@code 2025-08-20T09:15:00Z}, {@code
   *     2025-08-20T11:15:00+02:00}), or a date, read as its start in UTC ({@code 2025-08-20})
   * @return the instant it names
   * @throws InvalidInputException when it is none of those
   */
  public static Instant parseLastScrapedAt(String text) {
    try {
      return text.length() == 10
          ? LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC)
          : OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          InvalidInputException.quoted(text)
              + " is not a time; expected e.g. 2025-08-20T09:15:00Z or 2025-08-20");
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
