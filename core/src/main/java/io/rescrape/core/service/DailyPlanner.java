package io.rescrape.core.service;

import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.DailyJobCreation;
import io.rescrape.core.event.DailyJobCreated;
import io.rescrape.core.event.NothingDue;
import io.rescrape.core.port.JobStore;
import io.rescrape.core.port.RescrapeEventListener;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the daily job of a date with every creator due that day, or returns the one that exists.
 * Any number of instances and triggers may call it for the same date at once: the store keeps it to
 * one job. The instance that creates a job then prunes stats snapshots past their retention, so
 * that pruning runs once a day, after the job is announced and while workers start on it.
 */
public final class DailyPlanner {

  private static final Logger log = LoggerFactory.getLogger(DailyPlanner.class);

  private final JobStore jobs;
  private final StatsHistory history;
  private final Clock clock;
  private final Events events;

  /**
   * A planner over a job store.
   *
   * @param jobs the store that creates the job and keeps it to one per date
   * @param history pruned after each job this planner creates
   * @param clock the time jobs and events are stamped with
   * @param listener receives {@code DailyJobCreated} and {@code NothingDue}
   */
  @Inject
  public DailyPlanner(
      JobStore jobs, StatsHistory history, Clock clock, RescrapeEventListener listener) {
    this.jobs = jobs;
    this.history = history;
    this.clock = clock;
    this.events = new Events(listener);
  }

  /**
   * Creates or returns the daily job of {@code date}.
   *
   * @param date the date whose due creators the job holds; any date, past or future
   * @return the new job, the existing one, or the answer that nothing was due
   * @throws io.rescrape.core.domain.StoreException when the store fails
   */
  public DailyJobCreation planDay(LocalDate date) {
    DailyJobCreation creation = jobs.createDailyJob(date, clock.instant());
    if (creation.isNothingDue()) {
      log.info("No creator is due on {}; no daily job created", date);
      events.publish(new NothingDue(clock.instant(), date));
      return creation;
    }
    DailyJob job = creation.job();
    if (creation.created()) {
      log.info("Created daily job {}: {}", job.id(), job.description());
      events.publish(new DailyJobCreated(clock.instant(), job));
      pruneHistory();
    } else {
      log.info(
          "Daily job {} of {} already exists ({}, {} creators); returning it, no second job"
              + " created",
          job.id(),
          date,
          job.status(),
          job.totalItems());
    }
    return creation;
  }

  /** Best effort: snapshots left over are pruned with the next day's job. */
  private void pruneHistory() {
    try {
      history.prune();
    } catch (RuntimeException e) {
      log.warn(
          "Could not prune old stats snapshots ({}); the job goes on, and pruning runs again when"
              + " the next daily job is created",
          e.toString());
    }
  }
}
