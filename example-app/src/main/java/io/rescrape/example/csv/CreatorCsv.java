package io.rescrape.example.csv;

import io.rescrape.core.domain.InvalidInputException;
import io.rescrape.core.domain.NewCreator;
import io.rescrape.core.domain.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads creators from CSV, one row at a time: {@code platform,handle[,last_scraped_at]}. A header
 * row, blank lines and lines starting with {@code #} are skipped; fields may be quoted. The handle
 * may be written in any case, with a leading {@code @}, or as a profile URL; it is kept as written
 * for display. The last-scraped value is an ISO-8601 instant ({@code 2025-08-20T09:15:00Z}), a
 * date-time with an offset, or a date (taken as midnight UTC). Each row becomes a creator or an
 * error naming its line and what is wrong with it; nothing stops the rows after a bad one.
 */
public final class CreatorCsv {

  /** Longer lines are rejected without being held in memory. */
  static final int MAX_LINE_BYTES = 4_096;

  private final LineReader lines;
  private int lineNumber;
  private boolean beforeContent = true;

  /** Reads UTF-8 from {@code input}; a line that is not UTF-8 is rejected on its own. */
  public CreatorCsv(InputStream input) {
    this.lines = new LineReader(input, MAX_LINE_BYTES);
  }

  /** A readable row, or the reason it is not. */
  public sealed interface Row permits Parsed, Rejected {
    int line();
  }

  /**
   * A row that names a creator.
   *
   * @param line its line number, from 1
   * @param creator the creator it names
   */
  public record Parsed(int line, NewCreator creator) implements Row {}

  /**
   * A row that could not be read.
   *
   * @param line its line number, from 1
   * @param reason what is wrong with it
   */
  public record Rejected(int line, String reason) implements Row {}

  /** Hands every row to {@code sink}, in file order. */
  public void forEachRow(Consumer<Row> sink) throws IOException {
    for (LineReader.Line line = lines.next(); line != null; line = lines.next()) {
      lineNumber++;
      Row row = parse(line);
      if (row != null) {
        sink.accept(row);
      }
    }
  }

  private @Nullable Row parse(LineReader.Line read) {
    if (read instanceof LineReader.TooLong) {
      return new Rejected(lineNumber, "line longer than " + MAX_LINE_BYTES + " bytes");
    }
    if (read instanceof LineReader.NotUtf8) {
      return new Rejected(lineNumber, "not UTF-8 text");
    }
    String raw = ((LineReader.Text) read).value();
    String line = lineNumber == 1 && raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
    if (line.isBlank() || line.strip().startsWith("#")) {
      return null;
    }
    boolean header = beforeContent && line.strip().toLowerCase(Locale.ROOT).startsWith("platform");
    beforeContent = false;
    if (header) {
      return null;
    }
    try {
      return new Parsed(lineNumber, creator(fields(line)));
    } catch (InvalidInputException e) {
      return new Rejected(lineNumber, e.getMessage());
    }
  }

  private static NewCreator creator(List<String> fields) {
    if (fields.size() < 2 || fields.size() > 3) {
      throw new InvalidInputException(
          "expected 2 or 3 columns (platform, handle, last scraped at), found " + fields.size());
    }
    Platform platform = Platform.parse(fields.get(0));
    NewCreator creator = NewCreator.of(platform, fields.get(1));
    Instant lastScraped = fields.size() == 3 ? instant(fields.get(2)) : null;
    return new NewCreator(platform, creator.handle(), creator.displayHandle(), lastScraped);
  }

  private static @Nullable Instant instant(String text) {
    return text.isEmpty() ? null : NewCreator.parseLastScrapedAt(text);
  }

  /** Splits one line into trimmed fields; a quoted field may hold commas and doubled quotes. */
  static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        field.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        fields.add(field.toString().strip());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new InvalidInputException("a quoted field is not closed");
    }
    fields.add(field.toString().strip());
    return fields;
  }
}
