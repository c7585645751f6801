package io.rescrape.core.service;

import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.DailyJobCreation;
import io.rescrape.core.domain.SchedulePolicy;
import io.rescrape.core.domain.StoreException;
import io.rescrape.core.event.DatesMissed;
import io.rescrape.core.event.TriggerFailed;
import io.rescrape.core.event.TriggerFired;
import io.rescrape.core.port.JobStore;
import io.rescrape.core.port.RescrapeEventListener;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates each date's daily job at the configured time (09:00 UTC by default).
 *
 * <p>It computes the next fire instant rather than polling for a matching minute, and compares the
 * clock against it, so it cannot miss a day by sleeping past a minute. A process that starts after
 * today's trigger time creates today's job at once. Dates missed before that are reported, not
 * replayed: their creators are overdue and join the next job anyway. When creating the job fails (a
 * database outage at 09:00), the trigger logs the error and tries again; the job is late, the
 * trigger lives on.
 *
 * <p>{@link #start()} runs it on its own thread. Tests drive it with a settable clock through
 * {@link #arm()} and {@link #fireIfDue()}.
 */
public final class DailyTrigger implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DailyTrigger.class);

  private final DailyPlanner planner;
  private final JobStore jobs;
  private final SchedulePolicy policy;
  private final TriggerSettings settings;
  private final Clock clock;
  private final Events events;

  private final StopSignal closing = new StopSignal();
  private @Nullable LocalDate nextDate;
  private @Nullable Instant retryNotBefore;
  private @Nullable Thread thread;

  /**
   * A trigger, not yet running; see {@link #start()}.
   *
   * @param planner creates each date's job
   * @param jobs read at arming time, to find the dates missed since the last job
   * @param policy the trigger time and zone
   * @param settings retry delay, longest sleep and how far back missed dates are reported
   * @param clock the only source of time
   * @param listener receives {@code TriggerFired}, {@code DatesMissed} and {@code TriggerFailed}
   */
  @Inject
  public DailyTrigger(
      DailyPlanner planner,
      JobStore jobs,
      SchedulePolicy policy,
      TriggerSettings settings,
      Clock clock,
      RescrapeEventListener listener) {
    this.planner = planner;
    this.jobs = jobs;
    this.policy = policy;
    this.settings = settings;
    this.clock = clock;
    this.events = new Events(listener);
  }

  /**
   * Decides where the trigger stands: reports dates missed while no instance ran, and creates
   * today's job at once when today's trigger time has passed.
   *
   * @return today's job when it was due and planned now; empty when it is not due yet or creating
   *     it failed
   */
  public synchronized Optional<DailyJobCreation> arm() {
    Instant now = clock.instant();
    LocalDate today = policy.dateOf(now);
    reportMissedSinceLastJob(today);
    nextDate = today;
    Optional<DailyJobCreation> created = fireIfDue();
    log.info("Daily trigger armed; next daily job at {}", nextFireTime());
    return created;
  }

  /**
   * Creates the next date's job if its trigger time has come; otherwise does nothing. Arms the
   * trigger first if nobody did. A failure is logged and published, and tried again after the retry
   * delay.
   *
   * @return the date's job when it was planned now; empty when nothing was due to fire or creating
   *     the job failed
   */
  public synchronized Optional<DailyJobCreation> fireIfDue() {
    if (nextDate == null) {
      return arm();
    }
    Instant now = clock.instant();
    boolean waiting =
        now.isBefore(policy.triggerInstant(nextDate))
            || (retryNotBefore != null && now.isBefore(retryNotBefore));
    if (waiting) {
      return Optional.empty();
    }
    skipSupersededDates(now);
    try {
      DailyJobCreation creation = planner.planDay(nextDate);
      logLateness(now);
      publishFired(creation);
      nextDate = nextDate.plusDays(1);
      retryNotBefore = null;
      return Optional.of(creation);
    } catch (RuntimeException e) {
      retryNotBefore = now.plus(settings.retryDelay());
      String message =
          "Could not create the daily job of {} ({}); the trigger stays armed and tries again at {}";
      if (e instanceof StoreException) {
        log.error(message, nextDate, e.getMessage(), retryNotBefore);
      } else {
        log.error(message, nextDate, e.toString(), retryNotBefore, e);
      }
      events.publish(new TriggerFailed(now, nextDate, e.toString(), retryNotBefore));
      return Optional.empty();
    }
  }

  /** {@return whether it was armed: it knows the next date to plan and fires at its time} */
  public synchronized boolean isArmed() {
    return nextDate != null;
  }

  /** {@return when the trigger next fires, counting a pending retry} */
  public synchronized Instant nextFireTime() {
    LocalDate date = nextDate != null ? nextDate : policy.dateOf(clock.instant());
    Instant fire = policy.triggerInstant(date);
    return retryNotBefore != null && retryNotBefore.isAfter(fire) ? retryNotBefore : fire;
  }

  /**
   * Arms the trigger and runs it on its own daemon thread until {@link #close()}.
   *
   * @throws IllegalStateException when it was started before
   */
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("the daily trigger is already running");
    }
    thread = new Thread(this::loop, "rescrape-daily-trigger");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() {
    closing.trigger();
    Thread running;
    synchronized (this) {
      running = thread;
    }
    if (running != null) {
      try {
        running.join(Duration.ofSeconds(5).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void loop() {
    while (!closing.isTriggered()) {
      try {
        fireIfDue();
      } catch (RuntimeException e) {
        log.error("Daily trigger hit an unexpected error; it keeps running", e);
      }
      Duration untilFire = Duration.between(clock.instant(), nextFireTime());
      closing.sleep(shorterOf(untilFire, settings.maxSleep()));
    }
    log.info("Daily trigger stopped");
  }

  /** When this instance slept through whole trigger times, only the latest date is planned. */
  private void skipSupersededDates(Instant now) {
    LocalDate latest = policy.dateOf(now);
    if (now.isBefore(policy.triggerInstant(latest))) {
      latest = latest.minusDays(1);
    }
    if (!latest.isAfter(nextDate)) {
      return;
    }
    List<LocalDate> missed = new ArrayList<>();
    for (LocalDate date = nextDate; date.isBefore(latest); date = date.plusDays(1)) {
      missed.add(date);
    }
    reportMissed(missed, now);
    nextDate = latest;
  }

  private void reportMissedSinceLastJob(LocalDate today) {
    Optional<DailyJob> last;
    try {
      last = jobs.recent(1).stream().findFirst();
    } catch (RuntimeException e) {
      log.warn(
          "Could not look up the last daily job ({}); missed dates are not reported", e.toString());
      return;
    }
    if (last.isEmpty()) {
      return;
    }
    LocalDate from = last.get().date().plusDays(1);
    LocalDate lookback = today.minusDays(settings.missedLookbackDays());
    if (from.isBefore(lookback)) {
      from = lookback;
    }
    List<LocalDate> missed = new ArrayList<>();
    for (LocalDate date = from; date.isBefore(today); date = date.plusDays(1)) {
      missed.add(date);
    }
    reportMissed(missed, clock.instant());
  }

  private void reportMissed(List<LocalDate> missed, Instant now) {
    if (missed.isEmpty()) {
      return;
    }
    log.warn(
        "No daily job was created for {} (no instance ran at trigger time, or nothing was due);"
            + " they are not replayed - their creators are overdue and join the next daily job",
        missed);
    events.publish(new DatesMissed(now, missed));
  }

  private void logLateness(Instant now) {
    Duration late = Duration.between(policy.triggerInstant(nextDate), now);
    if (late.compareTo(Duration.ofMinutes(1)) > 0) {
      log.info("Daily job of {} planned {} after its trigger time", nextDate, late);
    }
  }

  private void publishFired(DailyJobCreation creation) {
    DailyJob job = creation.job();
    events.publish(
        new TriggerFired(
            clock.instant(),
            creation.date(),
            policy.triggerInstant(creation.date()),
            job == null ? null : job.id(),
            creation.created()));
  }

  private static Duration shorterOf(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
