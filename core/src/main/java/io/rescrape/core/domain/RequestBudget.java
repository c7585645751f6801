package io.rescrape.core.domain;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many requests a platform may receive in any window of a given length: a sliding window, so no
 * burst at a window's edge can exceed it. Shared by every worker of an instance, and by every
 * instance when the gate is shared.
 *
 * @param requests requests allowed in any window, 1 to 1,000,000
 * @param window the window's length, 1 s to 1 day
 */
public record RequestBudget(int requests, Duration window) {

  private static final Pattern TEXT =
      Pattern.compile(
          "(\\d{1,7})\\s*(?:/|per)\\s*(\\d{0,5})\\s*(ms|s|m|min|h|d)", Pattern.CASE_INSENSITIVE);

  /**
   * A validated budget.
   *
   * @param requests requests allowed in any window, 1 to 1,000,000
   * @param window the window's length, 1 s to 1 day
   * @throws InvalidInputException naming the value out of range
   */
  public RequestBudget {
    if (requests < 1 || requests > 1_000_000) {
      throw new InvalidInputException(
          "a request budget allows 1 to 1,000,000 requests per window, got " + requests);
    }
    if (window.compareTo(Duration.ofSeconds(1)) < 0 || window.compareTo(Duration.ofDays(1)) > 0) {
      throw new InvalidInputException(
          "a request budget's window must be 1 s to 1 day long, got " + window);
    }
  }

  /**
   * Parses a budget as an operator writes it: {@code 60/1m}, {@code 200/h}, {@code 5/10s}, {@code
   * 30 per 1min}, {@code 1000/1d}.
   *
   * @param text requests, a slash or "per", then a window of s, m, min or h, with an optional count
   *     before its unit
   * @return the budget
   * @throws InvalidInputException naming the text and the expected form
   */
  public static RequestBudget parse(String text) {
    Matcher matcher = TEXT.matcher(text.strip());
    if (!matcher.matches()) {
      throw new InvalidInputException(
          "request budget "
              + InvalidInputException.quoted(text)
              + " is not of the form REQUESTS/WINDOW with a unit (s, m, h or d), such as 60/1m,"
              + " 200/1h or 5/10s");
    }
    int requests = Integer.parseInt(matcher.group(1));
    long count = matcher.group(2).isEmpty() ? 1 : Long.parseLong(matcher.group(2));
    Duration window =
        switch (matcher.group(3).toLowerCase(Locale.ROOT)) {
          case "ms" -> Duration.ofMillis(count);
          case "s" -> Duration.ofSeconds(count);
          case "m", "min" -> Duration.ofMinutes(count);
          case "h" -> Duration.ofHours(count);
          default -> Duration.ofDays(count);
        };
    return new RequestBudget(requests, window);
  }

  /** {@return the budget as {@link #parse} reads it, such as {@code 60/1m}} */
  @Override
  public String toString() {
    long seconds = window.toSeconds();
    String span =
        window.toMillis() % 1000 != 0
            ? window.toMillis() + "ms"
            : seconds % 3600 == 0
                ? seconds / 3600 + "h"
                : seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    return requests + "/" + span;
  }
}
