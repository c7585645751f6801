package io.rescrape.core.domain;

/**
 * The root of Rescrape's unchecked exceptions. Messages name the ids involved (job, creator,
 * platform) so that a log line or an error response stands on its own.
 */
public class RescrapeException extends RuntimeException {

  public RescrapeException(String message) {
    super(message);
  }

  public RescrapeException(String message, Throwable cause) {
    super(message, cause);
  }
}
