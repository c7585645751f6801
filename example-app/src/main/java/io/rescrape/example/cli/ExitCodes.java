package io.rescrape.example.cli;

/** What the CLI's exit codes mean; the README lists them too. */
public final class ExitCodes {

  /** Done; a daily job that completed, possibly with failed creators. */
  public static final int OK = 0;

  /** The database or another dependency failed. */
  public static final int ERROR = 1;

  /** Bad arguments or input: an unknown job, a job in the wrong state, a malformed value. */
  public static final int USAGE = 2;

  /** An import skipped rows it could not read; the good rows were imported. */
  public static final int ROWS_REJECTED = 3;

  /** The job stopped before the end (interrupted, failed or cancelled); resume it later. */
  public static final int JOB_NOT_COMPLETED = 4;

  private ExitCodes() {}

  /**
   * {@code probe}: the platform answered with another outcome than a read profile, or not at all.
   */
  public static final int PROFILE_NOT_READ = 5;
}
