package io.rescrape.core.domain;

/** Input from a caller was rejected; the message names the field or value and why. */
public class InvalidInputException extends RescrapeException {

  /**
   * Rejects input with a message the caller can act on.
   *
   * @param message the field or value rejected, and why
   */
  public InvalidInputException(String message) {
    super(message);
  }
}
