package io.rescrape.core.domain;

/** Input from a caller was rejected; the message names the field or value and why. */
public class InvalidInputException extends RescrapeException {

  public InvalidInputException(String message) {
    super(message);
  }
}
