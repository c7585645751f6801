package io.rescrape.scraper;

/** Small judgements about response bodies. */
final class Bodies {

  private Bodies() {}

  /** Whether the body is markup (an HTML page, a login form, a captcha) rather than data. */
  static boolean isMarkup(String body) {
    return body.replace("\uFEFF", "").stripLeading().startsWith("<");
  }

  /** At most {@code max} characters of {@code text} on one line, for a log or a message. */
  static String excerpt(String text, int max) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "...";
  }
}
