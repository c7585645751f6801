package io.rescrape.scraper;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Small judgements about response bodies. */
final class Bodies {

  private static final List<String> HIDDEN_ELEMENTS = List.of("script", "style");

  private Bodies() {}

  /** Whether the body is markup (an HTML page, a login form, a captcha) rather than data. */
  static boolean isMarkup(String body) {
    return body.replace("\uFEFF", "").stripLeading().startsWith("<");
  }

  /**
   * The body as a person would read it: for markup, without its script and style elements, whose
   * bundled strings (translations of every error a page might show) are not what the page says.
   * Other bodies are returned as they are.
   */
  static String readableText(String body) {
    if (!isMarkup(body)) {
      return body;
    }
    // One pass, not a regular expression: a body full of unclosed tags must stay linear.
    String lower = lowerCaseKeepingLength(body);
    StringBuilder readable = new StringBuilder(body.length());
    int kept = 0;
    int tag = lower.indexOf('<');
    while (tag >= 0) {
      String hidden = hiddenElementAt(lower, tag);
      if (hidden == null) {
        tag = lower.indexOf('<', tag + 1);
        continue;
      }
      readable.append(body, kept, tag);
      kept = endOfElement(lower, hidden, tag);
      tag = lower.indexOf('<', kept);
    }
    return readable.append(body, kept, body.length()).toString();
  }

  /** Lower case char by char, so that an index into it is an index into the original. */
  private static String lowerCaseKeepingLength(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i] = Character.toLowerCase(chars[i]);
    }
    return new String(chars);
  }

  /** The name of the script or style element that starts at {@code tag}, else null. */
  private static @Nullable String hiddenElementAt(String lower, int tag) {
    for (String name : HIDDEN_ELEMENTS) {
      int after = tag + 1 + name.length();
      boolean named = lower.startsWith(name, tag + 1);
      if (named && (after == lower.length() || !Character.isLetterOrDigit(lower.charAt(after)))) {
        return name;
      }
    }
    return null;
  }

  /** Just after the element's end tag; the end of the body when the element is never closed. */
  private static int endOfElement(String lower, String name, int tag) {
    int close = lower.indexOf("</" + name, tag);
    int end = close < 0 ? -1 : lower.indexOf('>', close);
    return end < 0 ? lower.length() : end + 1;
  }

  /** At most {@code max} characters of {@code text} on one line, for a log or a message. */
  static String excerpt(String text, int max) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "...";
  }
}
