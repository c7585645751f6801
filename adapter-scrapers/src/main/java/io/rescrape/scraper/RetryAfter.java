package io.rescrape.scraper;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** Reads a {@code Retry-After} header: a number of seconds or an HTTP-date. */
final class RetryAfter {

  // More digits than this ask for longer than 11 days: read as 11 days, which the runner caps
  // like any long wait, and which rules out overflow.
  private static final int MAX_SECONDS_DIGITS = 6;
  private static final Duration LONGEST = Duration.ofSeconds(999_999);

  private RetryAfter() {}

  /** The wait the header asks for, never negative; null when absent or unreadable. */
  static @Nullable Duration parse(@Nullable String header, Clock clock) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.strip();
    return value.chars().allMatch(Character::isDigit) ? seconds(value) : untilDate(value, clock);
  }

  private static @Nullable Duration seconds(String digits) {
    if (digits.length() > MAX_SECONDS_DIGITS) {
      return LONGEST;
    }
    return Duration.ofSeconds(Long.parseLong(digits));
  }

  private static @Nullable Duration untilDate(String value, Clock clock) {
    try {
      ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), at.toInstant());
      return wait.isNegative() ? Duration.ZERO : wait;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
