package io.rescrape.core.domain;

/** A job or creator that a caller named does not exist. */
public class NotFoundException extends RescrapeException {

  public NotFoundException(String message) {
    super(message);
  }

  public static NotFoundException job(JobId id) {
    return new NotFoundException("job " + id + " does not exist");
  }
}
