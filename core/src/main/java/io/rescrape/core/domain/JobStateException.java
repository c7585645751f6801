package io.rescrape.core.domain;

/** An operation does not fit the job's current status, for example resuming a completed job. */
public class JobStateException extends RescrapeException {

  public JobStateException(String message) {
    super(message);
  }
}
