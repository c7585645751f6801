package io.rescrape.core.domain;

/** An operation does not fit the job's current status, for example resuming a completed job. */
public class JobStateException extends RescrapeException {

  /**
   * Refuses an operation the job's status does not allow.
   *
   * @param message the job, its status and what was refused
   */
  public JobStateException(String message) {
    super(message);
  }
}
