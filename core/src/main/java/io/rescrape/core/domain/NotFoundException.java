package io.rescrape.core.domain;

/** A job or creator that a caller named does not exist. */
public class NotFoundException extends RescrapeException {

  /**
   * Reports that what a caller named does not exist.
   *
   * @param message what was looked for, with its id
   */
  public NotFoundException(String message) {
    super(message);
  }

  /**
   * {@return the exception for a job id that names no job}
   *
   * @param id the id the caller gave
   */
  public static NotFoundException job(JobId id) {
    return new NotFoundException("job " + id + " does not exist");
  }

  /**
   * {@return the exception for a creator id that names no creator}
   *
   * @param id the id the caller gave
   */
  public static NotFoundException creator(CreatorId id) {
    return new NotFoundException("creator " + id + " does not exist");
  }
}
