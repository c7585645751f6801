package io.rescrape.core.service;

import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.JobStatus;
import io.rescrape.core.domain.StoreException;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop a service instance runs: pick the next runnable job (new, queued, interrupted, or
 * abandoned by a dead instance) and run it to its end; with none, help with the job another
 * instance is running, so that every instance shares the work; repeat. It survives its own errors
 * and wakes at once when the local trigger creates a job.
 */
public final class JobWorker implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(JobWorker.class);

  private final JobControl control;
  private final JobRunner runner;
  private final Duration pollInterval;

  private final Semaphore wakeUp = new Semaphore(0);
  private volatile boolean closing;
  private @Nullable Thread thread;

  /**
   * A worker, not yet running; see {@link #start()}.
   *
   * @param control finds the next runnable job
   * @param runner runs it
   * @param settings when idle, the worker looks for work every five {@code idlePoll} periods
   */
  @Inject
  public JobWorker(JobControl control, JobRunner runner, RunnerSettings settings) {
    this.control = control;
    this.runner = runner;
    this.pollInterval = settings.idlePoll().multipliedBy(5);
  }

  /**
   * Runs the loop on its own daemon thread until {@link #close()}.
   *
   * @throws IllegalStateException when it was started before
   */
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("the job worker is already running");
    }
    thread = new Thread(this::loop, "rescrape-job-worker");
    thread.setDaemon(true);
    thread.start();
  }

  /** Looks for work now instead of at the next poll. */
  public void wake() {
    wakeUp.release();
  }

  /** Stops: the running job is interrupted after the grace period and resumes elsewhere. */
  @Override
  public void close() {
    closing = true;
    runner.stop();
    wake();
    Thread running;
    synchronized (this) {
      running = thread;
    }
    if (running != null) {
      try {
        running.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void loop() {
    log.info("Job worker started on instance {}", runner.instanceId());
    while (!closing) {
      try {
        Optional<DailyJob> next = control.nextRunnable().or(control::running);
        if (next.isPresent()) {
          // Starts the job, takes it over, or helps the live instance that owns it.
          RunReport report = runner.run(next.get().id());
          if (report.job().status() != JobStatus.RUNNING) {
            continue;
          }
          // Still RUNNING: this instance stopped helping before the job ended. Look again after
          // a pause, not at once.
        }
      } catch (StoreException e) {
        log.warn(
            "Job worker cannot reach its store ({}); it keeps running and looks again in {}",
            e.getMessage(),
            pollInterval);
      } catch (RuntimeException e) {
        log.error(
            "Job worker hit an error; it keeps running and looks again in {}", pollInterval, e);
      }
      awaitWakeUp();
    }
    log.info("Job worker stopped on instance {}", runner.instanceId());
  }

  private void awaitWakeUp() {
    try {
      if (wakeUp.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS)) {
        wakeUp.drainPermits();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closing = true;
    }
  }
}
