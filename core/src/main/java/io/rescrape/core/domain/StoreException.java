package io.rescrape.core.domain;

/**
 * A storage or queue adapter failed (database down, connection lost, constraint broken). Adapters
 * wrap their driver's exceptions in this one, so nothing driver-specific reaches the core.
 */
public class StoreException extends RescrapeException {

  /**
   * Wraps a driver or client exception.
   *
   * @param message what the adapter was doing, with the ids involved
   * @param cause the driver's or client's exception
   */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Reports a store failure that has no underlying exception, such as an unsupported database.
   *
   * @param message what went wrong, with the ids involved
   */
  public StoreException(String message) {
    super(message);
  }
}
