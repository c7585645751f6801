package io.rescrape.web;

import io.rescrape.core.domain.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The secret that every change through the API must present as {@code Authorization: Bearer
 * <token>}. It is never printed: {@link #toString()} and the change log show only its {@link
 * #fingerprint()}, the first 8 hex digits of its SHA-256.
 */
public final class ApiToken {

  /** Shorter tokens are accepted, with a warning at start-up: they can be guessed. */
  public static final int RECOMMENDED_LENGTH = 16;

  private static final int MAX_LENGTH = 4096;

  private final byte[] digest;
  private final String fingerprint;
  private final int length;

  private ApiToken(String secret) {
    this.digest = sha256(secret);
    this.fingerprint = HexFormat.of().formatHex(digest, 0, 4);
    this.length = secret.length();
  }

  /**
   * A token from its text.
   *
   * @param secret printable ASCII without spaces, as it will appear after {@code Bearer }
   * @return the token
   * @throws InvalidInputException when the text is empty, too long, or holds a character that
   *     cannot travel in an HTTP header
   */
  public static ApiToken of(String secret) {
    if (secret.isEmpty()) {
      throw new InvalidInputException("the API token is empty");
    }
    if (secret.length() > MAX_LENGTH) {
      throw new InvalidInputException(
          "the API token is " + secret.length() + " characters long; at most " + MAX_LENGTH);
    }
    for (int i = 0; i < secret.length(); i++) {
      char c = secret.charAt(i);
      if (c <= ' ' || c > '~') {
        throw new InvalidInputException(
            "the API token holds a space, a control or a non-ASCII character at position "
                + (i + 1)
                + "; use printable ASCII only");
      }
    }
    return new ApiToken(secret);
  }

  /**
   * A token read from a file: its content, with surrounding blank lines and spaces removed.
   *
   * @param file a file holding the token
   * @return the token
   * @throws InvalidInputException when the file cannot be read or does not hold a valid token
   */
  public static ApiToken readFrom(Path file) {
    String content;
    try {
      if (Files.size(file) > MAX_LENGTH + 2L) {
        throw new InvalidInputException(
            "the API token file " + file + " is larger than " + MAX_LENGTH + " bytes");
      }
      content = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidInputException("cannot read the API token file " + file + ": " + e);
    }
    try {
      return of(content.strip());
    } catch (InvalidInputException e) {
      throw new InvalidInputException(e.getMessage() + " (read from " + file + ")");
    }
  }

  /**
   * Whether a presented token is this one, compared in time that does not depend on where the two
   * differ: both are hashed first, so neither the content nor the length leaks.
   *
   * @param presented what the client sent; null when it sent none
   * @return whether it matches
   */
  public boolean matches(@Nullable String presented) {
    byte[] candidate = sha256(presented == null ? "" : presented);
    return MessageDigest.isEqual(digest, candidate) && presented != null;
  }

  /** {@return the first 8 hex digits of the token's SHA-256, safe to log} */
  public String fingerprint() {
    return fingerprint;
  }

  /** {@return whether it is shorter than {@link #RECOMMENDED_LENGTH}} */
  public boolean isShort() {
    return length < RECOMMENDED_LENGTH;
  }

  @Override
  public String toString() {
    return "ApiToken[" + fingerprint + "]";
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
