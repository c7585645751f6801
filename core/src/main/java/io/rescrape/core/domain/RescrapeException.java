package io.rescrape.core.domain;

/**
 * The root of Rescrape's unchecked exceptions. Messages name the ids involved (job, creator,
 * platform) so that a log line or an error response stands on its own.
 */
public class RescrapeException extends RuntimeException {

  /**
   * An exception with a message that stands on its own.
   *
   * @param message what went wrong, naming the job, creator or platform involved
   */
  public RescrapeException(String message) {
    super(message);
  }

  /**
   * An exception with a message that stands on its own and the failure behind it.
   *
   * @param message what went wrong, naming the job, creator or platform involved
   * @param cause the underlying failure, kept for its stack trace
   */
  public RescrapeException(String message, Throwable cause) {
    super(message, cause);
  }
}
