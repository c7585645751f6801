package io.rescrape.example.csv;

import java.io.IOException;
import java.io.Reader;
import org.jspecify.annotations.Nullable;

/** Reads lines like {@link java.io.BufferedReader}, but never holds more than a bounded line. */
final class LineReader {

  /** Returned, by identity, for a line that exceeded the bound; the rest of it was skipped. */
  @SuppressWarnings("StringOperationCanBeSimplified")
  static final String TOO_LONG = new String("<too long>");

  private final Reader reader;
  private final int maxLength;
  private final char[] buffer = new char[8_192];
  private int position;
  private int limit;

  LineReader(Reader reader, int maxLength) {
    this.reader = reader;
    this.maxLength = maxLength;
  }

  /** The next line without its terminator, {@link #TOO_LONG}, or null at the end. */
  @Nullable String readLine() throws IOException {
    StringBuilder line = new StringBuilder();
    boolean tooLong = false;
    while (true) {
      if (position == limit && !fill()) {
        return line.length() == 0 && !tooLong ? null : finish(line, tooLong);
      }
      char c = buffer[position++];
      if (c == '\n') {
        return finish(line, tooLong);
      }
      if (line.length() >= maxLength) {
        tooLong = true;
      } else if (c != '\r') {
        line.append(c);
      }
    }
  }

  private boolean fill() throws IOException {
    limit = reader.read(buffer);
    position = 0;
    if (limit <= 0) {
      limit = 0;
      return false;
    }
    return true;
  }

  private static String finish(StringBuilder line, boolean tooLong) {
    return tooLong ? TOO_LONG : line.toString();
  }
}
