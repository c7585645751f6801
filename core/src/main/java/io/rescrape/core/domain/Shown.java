package io.rescrape.core.domain;

/** Untrusted input as an error message may quote it: short, and with control characters escaped. */
final class Shown {

  private static final int MAX = 40;

  private Shown() {}

  static String quoted(String raw) {
    StringBuilder shown = new StringBuilder("'");
    raw.codePoints()
        .limit(MAX)
        .forEach(
            c -> {
              if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                shown.append(String.format("\\u%04x", c));
              } else {
                shown.appendCodePoint(c);
              }
            });
    shown.append(raw.codePointCount(0, raw.length()) > MAX ? "...'" : "'");
    return shown.toString();
  }
}
