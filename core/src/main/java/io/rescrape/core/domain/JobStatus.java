package io.rescrape.core.domain;

/** Where a job is in its life. */
public enum JobStatus {
  /** Created, about to start. */
  PENDING,
  /** Waiting for the running job to end; starts after it. */
  QUEUED,
  /** Being processed; its owner holds a lease and renews it. */
  RUNNING,
  /** Every item is done or failed. Failed items can still be retried. */
  COMPLETED,
  /** Stopped by an error it could not get past; resumes on command. */
  FAILED,
  /** Stopped before the end (shutdown, deploy); resumes by itself or on command. */
  INTERRUPTED,
  /** Stopped by an operator; its creators stay due and join the next daily job. */
  CANCELLED;

  /** {@return whether the job has stopped for good unless someone acts: COMPLETED or CANCELLED} */
  public boolean isTerminal() {
    return this == COMPLETED || this == CANCELLED;
  }

  /**
   * {@return whether a runner may start the job: PENDING, QUEUED, INTERRUPTED or FAILED} A RUNNING
   * job whose lease lapsed is not startable but may be taken over.
   */
  public boolean isStartable() {
    return this == PENDING || this == QUEUED || this == INTERRUPTED || this == FAILED;
  }
}
