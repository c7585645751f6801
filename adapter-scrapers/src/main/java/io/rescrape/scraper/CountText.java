package io.rescrape.scraper;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a count that a platform shows as text: plain digits ({@code 999}), digits with thousands
 * separators ({@code 12,345}), or an abbreviation ({@code 1.2M}, {@code 630k}, {@code 1.5 B}).
 *
 * <p>The arithmetic is decimal and exact, so {@code 1.2M} is 1,200,000 and never 1,199,999. A value
 * that is not a whole number once its suffix is applied ({@code 1.2345k}) or that does not fit a
 * long is not a count.
 */
final class CountText {

  // Bounded repetitions keep matching linear, and keep BigDecimal away from absurd exponents.
  private static final Pattern PLAIN = Pattern.compile("\\d{1,19}");
  private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(?:,\\d{3}){1,6}");
  private static final Pattern ABBREVIATED =
      Pattern.compile("(\\d{1,15}(?:\\.\\d{1,3})?)[\\s\\h]{0,3}([kmb])", Pattern.CASE_INSENSITIVE);

  private CountText() {}

  /** Whether the text holds nothing but blanks, which says the count is unknown. */
  static boolean isBlank(String text) {
    return strip(text).isEmpty();
  }

  /** The count the text shows; empty when the text is not a count (nor blank). */
  static Optional<Count> parse(String text) {
    String shown = strip(text);
    if (PLAIN.matcher(shown).matches() || GROUPED.matcher(shown).matches()) {
      return whole(new BigDecimal(shown.replace(",", ""))).map(Count::exact);
    }
    Matcher abbreviated = ABBREVIATED.matcher(shown);
    if (!abbreviated.matches()) {
      return Optional.empty();
    }
    BigDecimal number = new BigDecimal(abbreviated.group(1));
    int zeros = zerosOf(abbreviated.group(2));
    return whole(number.movePointRight(zeros)).map(value -> new Count(value, true));
  }

  private static int zerosOf(String suffix) {
    return switch (suffix.toLowerCase(Locale.ROOT)) {
      case "k" -> 3;
      case "m" -> 6;
      default -> 9;
    };
  }

  private static Optional<Long> whole(BigDecimal value) {
    try {
      return Optional.of(value.toBigIntegerExact().longValueExact());
    } catch (ArithmeticException fractionOrOverflow) {
      return Optional.empty();
    }
  }

  /**
   * The text without surrounding blanks, counting no-break spaces as blanks: pages that format
   * numbers for people put them around a suffix ({@code 1.2 M}).
   */
  private static String strip(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isBlank(text.charAt(start))) {
      start++;
    }
    while (end > start && isBlank(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  private static boolean isBlank(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }
}
