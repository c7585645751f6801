package io.rescrape.core.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A social platform whose creator profiles Rescrape keeps fresh. */
public enum Platform {
  /** Instagram: handles of 1 to 30 letters, digits, dots and underscores. */
  INSTAGRAM("instagram", Pattern.compile("[a-z0-9._]{1,30}")),
  /** TikTok: handles of 2 to 24 letters, digits, dots and underscores. */
  TIKTOK("tiktok", Pattern.compile("[a-z0-9._]{2,24}"));

  private final String id;
  private final Pattern handlePattern;

  Platform(String id, Pattern handlePattern) {
    this.id = id;
    this.handlePattern = handlePattern;
  }

  /**
   * {@return the lower-case name used in files, URLs and the database, for example {@code
   * instagram}}
   */
  public String id() {
    return id;
  }

  /**
   * Parses a platform name, ignoring case and surrounding blanks.
   *
   * @param value a name as {@link #id()} gives it, in any case, such as {@code TikTok}
   * @return the platform of that name
   * @throws InvalidInputException naming the value and the accepted names
   */
  public static Platform parse(String value) {
    String wanted = value.strip().toLowerCase(Locale.ROOT);
    for (Platform platform : values()) {
      if (platform.id.equals(wanted)) {
        return platform;
      }
    }
    throw new InvalidInputException(
        "unknown platform "
            + InvalidInputException.quoted(value)
            + " (expected one of "
            + names()
            + ")");
  }

  boolean acceptsHandle(String normalized) {
    return handlePattern.matcher(normalized).matches();
  }

  private static String names() {
    return Arrays.stream(values()).map(Platform::id).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return id;
  }
}
