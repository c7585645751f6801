package io.rescrape.core.domain;

/**
 * A storage or queue adapter failed (database down, connection lost, constraint broken). Adapters
 * wrap their driver's exceptions in this one, so nothing driver-specific reaches the core.
 */
public class StoreException extends RescrapeException {

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
