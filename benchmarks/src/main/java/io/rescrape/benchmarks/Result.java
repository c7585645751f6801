package io.rescrape.benchmarks;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The last line a benchmark prints: {@code RESULT <name> key=value ...}, keys in the order given,
 * values without spaces, so that {@code awk} or a regex can read it.
 */
final class Result {

  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*");

  private final String name;
  private final Map<String, String> values = new LinkedHashMap<>();

  private Result(String name) {
    this.name = name;
  }

  static Result of(String name) {
    return new Result(name);
  }

  Result put(String key, long value) {
    return putText(key, Long.toString(value));
  }

  /** A figure rounded to {@code decimals} places. */
  Result put(String key, double value, int decimals) {
    return putText(key, String.format(Locale.ROOT, "%." + decimals + "f", value));
  }

  Result put(String key, String value) {
    if (value.isEmpty() || value.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("a RESULT value must be one word: '" + value + "'");
    }
    return putText(key, value);
  }

  private Result putText(String key, String value) {
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("a RESULT key must be snake_case: '" + key + "'");
    }
    values.put(key, value);
    return this;
  }

  @Override
  public String toString() {
    StringBuilder line = new StringBuilder("RESULT ").append(name);
    values.forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
    return line.toString();
  }

  void print() {
    System.out.println(this);
  }
}
