package io.rescrape.benchmarks;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a duration as people write one on a command line: {@code 2.5s}, {@code 50ms}, {@code 1m},
 * {@code 1h}, or ISO-8601 such as {@code PT2.5S}. A unit is required, so that no one has to guess
 * whether {@code 50} means seconds or milliseconds.
 */
final class DurationConverter implements ITypeConverter<Duration> {

  private static final Pattern SHORT = Pattern.compile("(\\d{1,9}(?:\\.\\d{1,9})?)\\s*(ms|s|m|h)");

  @Override
  public Duration convert(String value) {
    Matcher matcher = SHORT.matcher(value.strip().toLowerCase(Locale.ROOT));
    try {
      if (matcher.matches()) {
        BigDecimal amount = new BigDecimal(matcher.group(1));
        return Duration.ofNanos(amount.multiply(nanosPer(matcher.group(2))).longValueExact());
      }
      return Duration.parse(value.strip());
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new TypeConversionException(
          "'" + value + "' is not a duration; write it with a unit, such as 2.5s, 50ms or 1m");
    }
  }

  private static BigDecimal nanosPer(String unit) {
    long nanos =
        switch (unit) {
          case "ms" -> 1_000_000L;
          case "m" -> 60_000_000_000L;
          case "h" -> 3_600_000_000_000L;
          default -> 1_000_000_000L;
        };
    return BigDecimal.valueOf(nanos);
  }
}
