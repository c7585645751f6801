package io.rescrape.benchmarks;

import io.rescrape.core.Rescrape;
import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.SchedulePolicy;
import io.rescrape.core.domain.ScheduleSettings;
import io.rescrape.core.event.DailyJobCreated;
import io.rescrape.core.event.DatesMissed;
import io.rescrape.core.event.RescrapeEvent;
import io.rescrape.core.event.TriggerFailed;
import io.rescrape.core.event.TriggerFired;
import io.rescrape.core.port.RescrapeEventListener;
import io.rescrape.core.service.DailyTrigger;
import io.rescrape.jdbc.JdbcStores;
import io.rescrape.redis.RedisWorkQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Many dates of the daily trigger, each fired by the real trigger thread on a clock that runs in
 * real time, measuring how late after 09:00 UTC each date's job came to exist.
 *
 * <p>The trigger sleeps real time for durations it computes on the injected clock, so a clock that
 * merely ran N times faster would make it oversleep, and the benchmark would measure the clock, not
 * the trigger. Instead a {@link HoppingClock} runs at real speed and hops between dates: for each
 * date it shows a lead (2 s by default) before that date's trigger instant and then runs on in real
 * time, so the trigger's own computation, sleep and wake-up decide when it fires, exactly as on a
 * production clock. A hop is never measured, because no trigger computes a sleep across it:
 *
 * <ul>
 *   <li><b>Started</b> dates (the first half): the clock hops first, then a fresh {@link Rescrape}
 *       starts its trigger, which arms, sleeps until the instant and fires, as a service instance
 *       started shortly before 09:00 does. It is closed once it fired.
 *   <li><b>Running</b> dates (the second half): one instance, started before the first of them,
 *       keeps running. The clock hops to the next date from inside the listener of {@code
 *       TriggerFired}, which the trigger calls on its own thread before it computes its next sleep:
 *       that sleep then starts from the new time, as in an instance that ran through the day. With
 *       a lead longer than {@code maxSleep} it wakes, finds nothing due and sleeps again before the
 *       instant, as a long-running instance does.
 * </ul>
 *
 * <p>The job exists from the commit of its insert, which no event reports. Two stamps bracket it:
 * the job's stored {@code createdAt}, which the planner stamps just before the insert, and the
 * {@code TriggerFired} event, which the trigger stamps after the commit, the ledger's {@code
 * ANALYZE} and the stats pruning. Both are measured, and the {@code DailyJobCreated} event between
 * them, stamped after the {@code ANALYZE}, shows how much of the gap the pruning takes.
 *
 * <p>The instance is assembled as a deployment assembles it, on PostgreSQL with the Redis work
 * queue; its job worker is not started, since whether a job runs is not what is measured, and
 * creating a job touches PostgreSQL only. So every job stays pending and its creators stay due.
 * They are seeded never scraped, hence due on every date: each date's job, a rest day's included,
 * holds all of them, and dates compare like for like, while the ledger grows by one job a date as a
 * deployment's does. (Creators in their steady state would instead pile up, a sixth more each date,
 * and make the later dates' jobs larger than the earlier.) The JVM, JIT and connection pool are
 * those of one process throughout, warm after the first date, as a service's are at 09:00.
 */
final class TriggerSimulation {

  /** How long past its instant a date may take to fire before the run is called broken. */
  private static final Duration FIRE_MARGIN = Duration.ofSeconds(30);

  private static final Duration ARM_LIMIT = Duration.ofSeconds(10);

  private final JdbcStores stores;
  private final RedisWorkQueue queue;
  private final HoppingClock clock;
  private final TriggerPlan plan;
  private final SchedulePolicy policy = new SchedulePolicy(ScheduleSettings.defaults());
  private final BlockingQueue<RescrapeEvent> events = new LinkedBlockingQueue<>();

  private TriggerSimulation(
      JdbcStores stores, RedisWorkQueue queue, HoppingClock clock, TriggerPlan plan) {
    this.stores = stores;
    this.queue = queue;
    this.clock = clock;
    this.plan = plan;
  }

  /**
   * Simulates the plan's dates in a schema and key prefix of its own, printing each date.
   *
   * @throws BenchmarkException when a date does not fire in time, fires on the wrong date, fails,
   *     or creates no job
   */
  static TriggerRun run(ServerOptions servers, TriggerPlan plan) {
    HoppingClock clock = new HoppingClock(Clock.systemUTC());
    try (BenchDatabase database = BenchDatabase.create(servers);
        BenchRedis redis = BenchRedis.create(servers)) {
      CreatorSeed.neverScraped(database, plan.creators());
      JdbcStores stores = database.stores();
      try (RedisWorkQueue queue = new RedisWorkQueue(stores.queue(), redis.settings(), clock)) {
        TriggerSimulation simulation = new TriggerSimulation(stores, queue, clock, plan);
        List<TriggerDay> days = simulation.simulate();
        return new TriggerRun(days, stores.jobs().recent(plan.days() + 1).size());
      }
    }
  }

  private List<TriggerDay> simulate() {
    List<TriggerDay> days = new ArrayList<>();
    int startedThenClosed = plan.startedDays() - 1;
    for (int index = 0; index < startedThenClosed; index++) {
      days.add(startedDay(plan.date(index)));
    }
    days.addAll(runningDays(startedThenClosed));
    return days;
  }

  /** A fresh instance, started a lead before the date's instant and closed once it fired. */
  private TriggerDay startedDay(LocalDate date) {
    clock.hopTo(leadBefore(date));
    try (Rescrape rescrape = assemble(events::add)) {
      startBeforeInstant(rescrape.trigger(), date);
      return measure(date, TriggerDay.Instance.STARTED);
    }
  }

  /** One instance started before date {@code first}, kept running through the last date. */
  private List<TriggerDay> runningDays(int first) {
    List<TriggerDay> days = new ArrayList<>();
    LocalDate firstDate = plan.date(first);
    clock.hopTo(leadBefore(firstDate));
    try (Rescrape rescrape = assemble(hoppingToTheNextDateOnceFired())) {
      startBeforeInstant(rescrape.trigger(), firstDate);
      days.add(measure(firstDate, TriggerDay.Instance.STARTED));
      for (int index = first + 1; index < plan.days(); index++) {
        days.add(measure(plan.date(index), TriggerDay.Instance.RUNNING));
      }
    }
    return days;
  }

  private RescrapeEventListener hoppingToTheNextDateOnceFired() {
    return event -> {
      events.add(event);
      if (event instanceof TriggerFired fired && fired.date().isBefore(plan.lastDate())) {
        // Called on the trigger's thread before it computes its next sleep, so that sleep is
        // computed from the new time: the hop itself never delays a firing.
        clock.hopTo(leadBefore(fired.date().plusDays(1)));
      }
    };
  }

  private Rescrape assemble(RescrapeEventListener listener) {
    return InstantRescrape.builder(stores, queue, clock)
        .trigger(plan.settings())
        .listener(listener)
        .build();
  }

  /**
   * Starts the trigger and checks it armed before the instant; otherwise the date would measure how
   * long arming took, not how late the trigger woke.
   */
  private void startBeforeInstant(DailyTrigger trigger, LocalDate date) {
    trigger.start();
    long deadline = System.nanoTime() + ARM_LIMIT.toNanos();
    while (!trigger.isArmed()) {
      if (System.nanoTime() > deadline) {
        throw new BenchmarkException("the trigger did not arm within " + ARM_LIMIT);
      }
      pause(1);
    }
    if (!clock.instant().isBefore(policy.triggerInstant(date))) {
      throw new BenchmarkException(
          "the trigger armed only after the trigger instant of "
              + date
              + "; a --lead of "
              + plan.lead().toMillis()
              + " ms is too short on this machine");
    }
  }

  private TriggerDay measure(LocalDate date, TriggerDay.Instance instance) {
    Firing firing = awaitFiring(date);
    TriggerFired fired = firing.fired();
    DailyJob job =
        stores
            .jobs()
            .find(fired.jobId())
            .orElseThrow(() -> new BenchmarkException("job " + fired.jobId() + " is not stored"));
    TriggerDay day =
        new TriggerDay(
            date,
            instance,
            job.id(),
            job.totalItems(),
            fired.lateness(),
            Duration.between(fired.scheduledAt(), firing.announced().at()),
            Duration.between(fired.scheduledAt(), job.createdAt()));
    print(day);
    return day;
  }

  /** The events of one date's firing, in the order the planner and the trigger publish them. */
  private record Firing(DailyJobCreated announced, TriggerFired fired) {}

  private Firing awaitFiring(LocalDate date) {
    Duration limit = plan.lead().plus(FIRE_MARGIN);
    long deadline = System.nanoTime() + limit.toNanos();
    DailyJobCreated announced = null;
    while (true) {
      RescrapeEvent event = poll(deadline);
      if (event == null) {
        throw new BenchmarkException(
            "the trigger did not fire for " + date + " within " + limit.toSeconds() + " s");
      }
      if (event instanceof DailyJobCreated created && created.job().date().equals(date)) {
        announced = created;
      }
      if (event instanceof TriggerFired fired) {
        return new Firing(announcedOrFail(announced, date), checked(fired, date));
      }
      if (event instanceof TriggerFailed || event instanceof DatesMissed) {
        throw new BenchmarkException("the trigger of " + date + " published " + event);
      }
    }
  }

  private static DailyJobCreated announcedOrFail(
      @Nullable DailyJobCreated announced, LocalDate date) {
    if (announced == null) {
      throw new BenchmarkException("the trigger fired for " + date + " but no job was announced");
    }
    return announced;
  }

  private TriggerFired checked(TriggerFired fired, LocalDate date) {
    boolean asExpected =
        fired.date().equals(date)
            && fired.scheduledAt().equals(policy.triggerInstant(date))
            && fired.created()
            && fired.jobId() != null;
    if (!asExpected) {
      throw new BenchmarkException(
          "expected the trigger to create the job of " + date + ", but it published " + fired);
    }
    return fired;
  }

  private Instant leadBefore(LocalDate date) {
    return policy.triggerInstant(date).minus(plan.lead());
  }

  private @Nullable RescrapeEvent poll(long deadlineNanos) {
    try {
      return events.poll(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchmarkException("interrupted while waiting for the trigger", e);
    }
  }

  private static void pause(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchmarkException("interrupted while waiting for the trigger to arm", e);
    }
  }

  private static double millis(Duration duration) {
    return duration.toNanos() / 1e6;
  }

  private static void print(TriggerDay day) {
    System.out.printf(
        Locale.ROOT,
        "  %s %s %-7s job %s, %,d creators: createdAt +%.2f ms, DailyJobCreated +%.2f ms,"
            + " TriggerFired +%.2f ms%n",
        day.date(),
        day.date().getDayOfWeek().toString().substring(0, 3),
        day.instance().name().toLowerCase(Locale.ROOT),
        day.jobId(),
        day.creators(),
        millis(day.createdAt()),
        millis(day.announced()),
        millis(day.fired()));
  }
}
