package io.rescrape.core.domain;

/** Input from a caller was rejected; the message names the field or value and why. */
public class InvalidInputException extends RescrapeException {

  private static final int QUOTED_MAX = 40;

  /**
   * Rejects input with a message the caller can act on.
   *
   * @param message the field or value rejected, and why
   */
  public InvalidInputException(String message) {
    super(message);
  }

  /**
   * Untrusted input as a message may quote it: in single quotes, cut after 40 characters, with
   * control and format characters escaped, so that it can neither flood nor steer a terminal.
   *
   * @param raw what the caller gave
   * @return the quoted form
   */
  public static String quoted(String raw) {
    StringBuilder shown = new StringBuilder("'");
    raw.codePoints()
        .limit(QUOTED_MAX)
        .forEach(
            c -> {
              if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                shown.append(String.format("\\u%04x", c));
              } else {
                shown.appendCodePoint(c);
              }
            });
    shown.append(raw.codePointCount(0, raw.length()) > QUOTED_MAX ? "...'" : "'");
    return shown.toString();
  }
}
