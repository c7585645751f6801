package io.rescrape.core.domain;

import java.util.Locale;

/**
 * A creator's handle on one platform, normalised: no leading {@code @}, lower case. Two handles
 * that differ only in case or in a leading {@code @} name the same account.
 *
 * @param value the handle without a leading {@code @}, in lower case
 */
public record Handle(String value) {

  /**
   * A handle that is already normalised, such as one read back from a store. Use {@link #of} for
   * what a user typed.
   *
   * @param value not empty, without surrounding blanks, in lower case
   * @throws IllegalArgumentException when {@code value} is not normalised
   */
  public Handle {
    if (value.isEmpty() || !value.equals(value.strip().toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("handle is not normalised: '" + value + "'");
    }
  }

  /**
   * Normalises and validates a handle as a user typed it.
   *
   * @param platform the platform whose handle rules apply
   * @param raw the handle as typed: surrounding blanks, a leading {@code @} and any case allowed
   * @return the normalised handle
   * @throws InvalidInputException naming the handle, the platform and the rule it breaks
   */
  public static Handle of(Platform platform, String raw) {
    String normalized = raw.strip();
    if (normalized.startsWith("@")) {
      normalized = normalized.substring(1);
    }
    // Lower-case only ASCII: Unicode would fold the Kelvin sign into a plain 'k'.
    boolean ascii = normalized.chars().allMatch(c -> c < 128);
    normalized = normalized.toLowerCase(Locale.ROOT);
    if (!ascii || !platform.acceptsHandle(normalized) || !isWellFormed(normalized)) {
      throw new InvalidInputException(
          "invalid "
              + platform
              + " handle "
              + InvalidInputException.quoted(raw)
              + ": expected "
              + (platform == Platform.INSTAGRAM ? "1-30" : "2-24")
              + " letters, digits, '.' or '_', with a letter or digit, and no '.' at either end"
              + " or twice in a row");
    }
    return new Handle(normalized);
  }

  /** Rules both platforms share beyond the character set: "." or "_.." is nobody's handle. */
  private static boolean isWellFormed(String handle) {
    boolean hasLetterOrDigit = handle.chars().anyMatch(Character::isLetterOrDigit);
    boolean dotAtEnd = handle.startsWith(".") || handle.endsWith(".");
    return hasLetterOrDigit && !dotAtEnd && !handle.contains("..");
  }

  @Override
  public String toString() {
    return value;
  }
}
