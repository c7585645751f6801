package io.rescrape.example.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Reads UTF-8 text a line at a time, never holding more than one bounded line. A line ends at
 * {@code \n}, {@code \r\n} or a lone {@code \r}. Each line is decoded on its own, so bytes that are
 * not UTF-8 spoil only their line.
 */
final class LineReader {

  /** A line as read: its text, or why it has none. */
  sealed interface Line permits Text, TooLong, NotUtf8 {}

  /**
   * A readable line.
   *
   * @param value its text, without the line end
   */
  record Text(String value) implements Line {}

  /** A line longer than the bound; the rest of it was skipped. */
  record TooLong() implements Line {}

  /** A line whose bytes are not UTF-8. */
  record NotUtf8() implements Line {}

  private final InputStream input;
  private final int maxBytes;
  private final byte[] buffer = new byte[8_192];
  private final byte[] line;
  private int position;
  private int limit;
  private boolean skipNewline;

  LineReader(InputStream input, int maxBytes) {
    this.input = input;
    this.maxBytes = maxBytes;
    this.line = new byte[maxBytes];
  }

  /** The next line, or null at the end of the input. */
  @Nullable Line next() throws IOException {
    int length = 0;
    boolean tooLong = false;
    boolean sawAny = false;
    while (position < limit || fill()) {
      byte b = buffer[position++];
      if (skipNewline) {
        skipNewline = false;
        if (b == '\n') {
          continue;
        }
      }
      sawAny = true;
      if (b == '\n' || b == '\r') {
        skipNewline = b == '\r';
        return finish(length, tooLong);
      }
      if (length < maxBytes) {
        line[length++] = b;
      } else {
        tooLong = true;
      }
    }
    return sawAny ? finish(length, tooLong) : null;
  }

  private boolean fill() throws IOException {
    limit = input.read(buffer);
    position = 0;
    return limit > 0;
  }

  private Line finish(int length, boolean tooLong) {
    if (tooLong) {
      return new TooLong();
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer text = decoder.decode(ByteBuffer.wrap(line, 0, length));
      return new Text(text.toString());
    } catch (CharacterCodingException e) {
      return new NotUtf8();
    }
  }
}
