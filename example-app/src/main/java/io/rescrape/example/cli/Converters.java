package io.rescrape.example.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses the option values that picocli does not know. */
final class Converters {

  private Converters() {}

  /** An ISO-8601 instant, or a date-time with an offset, between the years 1970 and 9999. */
  static final class InstantConverter implements ITypeConverter<Instant> {
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    @Override
    public Instant convert(String value) {
      Instant instant;
      try {
        instant = OffsetDateTime.parse(value.strip()).toInstant();
      } catch (DateTimeParseException e) {
        throw new TypeConversionException(
            "'" + value + "' is not an instant; expected e.g. 2025-08-27T09:00:00Z");
      }
      if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
        throw new TypeConversionException("'" + value + "' lies outside the years 1970 to 9999");
      }
      return instant;
    }
  }

  /**
   * A duration as the options take it: {@code 1h}, {@code 90m}, {@code 30s}, {@code 2.5s} or {@code
   * 100ms}, for error messages.
   */
  static String describe(Duration duration) {
    if (duration.isZero()) {
      return "0s";
    }
    if (duration.toMillis() % 1_000 != 0 || duration.toNanos() % 1_000_000 != 0) {
      return duration.toNanos() % 1_000_000 == 0
          ? duration.toMillis() + "ms"
          : duration.toNanos() / 1e9 + "s";
    }
    long seconds = duration.toSeconds();
    if (seconds % 3_600 == 0) {
      return seconds / 3_600 + "h";
    }
    return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
  }

  /** {@code 2.5s}, {@code 250ms}, {@code 1m}, {@code 0}, or ISO-8601 such as {@code PT2.5S}. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern SHORT = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)?");

    @Override
    public Duration convert(String value) {
      String text = value.strip().toLowerCase(Locale.ROOT);
      Matcher matcher = SHORT.matcher(text);
      try {
        if (matcher.matches()) {
          double amount = Double.parseDouble(matcher.group(1));
          String unit = matcher.group(2) == null ? "s" : matcher.group(2);
          return Duration.ofNanos(Math.round(amount * nanosPer(unit)));
        }
        return Duration.parse(value.strip());
      } catch (DateTimeParseException | ArithmeticException e) {
        throw new TypeConversionException(
            "'" + value + "' is not a duration; expected e.g. 2.5s, 250ms, 1m or 1h");
      }
    }

    private static double nanosPer(String unit) {
      return switch (unit) {
        case "ms" -> 1e6;
        case "m" -> 60e9;
        case "h" -> 3_600e9;
        default -> 1e9;
      };
    }
  }
}
