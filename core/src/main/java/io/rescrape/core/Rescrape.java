package io.rescrape.core;

import com.google.common.collect.ImmutableSet;
import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.DailyJobCreation;
import io.rescrape.core.domain.InstanceId;
import io.rescrape.core.domain.SchedulePolicy;
import io.rescrape.core.domain.ScheduleSettings;
import io.rescrape.core.event.DailyJobCreated;
import io.rescrape.core.port.CreatorStore;
import io.rescrape.core.port.JobStore;
import io.rescrape.core.port.PlatformGate;
import io.rescrape.core.port.ProfileScraper;
import io.rescrape.core.port.RescrapeEventListener;
import io.rescrape.core.port.WorkQueue;
import io.rescrape.core.service.CreatorRegistry;
import io.rescrape.core.service.DailyPlanner;
import io.rescrape.core.service.DailyTrigger;
import io.rescrape.core.service.HistorySettings;
import io.rescrape.core.service.JobControl;
import io.rescrape.core.service.JobRunner;
import io.rescrape.core.service.JobWorker;
import io.rescrape.core.service.LocalPlatformGate;
import io.rescrape.core.service.Rebalancer;
import io.rescrape.core.service.RunReport;
import io.rescrape.core.service.RunnerSettings;
import io.rescrape.core.service.ScheduleReporter;
import io.rescrape.core.service.StatsHistory;
import io.rescrape.core.service.TriggerSettings;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rescrape assembled: the services wired to the host's stores, queue, scrapers and clock.
 *
 * <pre>{@code
 * Rescrape rescrape = Rescrape.builder()
 *     .creatorStore(creators).jobStore(jobs).workQueue(queue)
 *     .scraper(instagram).scraper(tiktok)
 *     .build();
 * rescrape.start();   // the 09:00 UTC trigger and a worker, until close()
 * }</pre>
 *
 * <p>Hosts that use a dependency-injection container can construct the services themselves: each
 * has an {@code @Inject} constructor taking ports, settings and the clock.
 */
public final class Rescrape implements AutoCloseable {

  private final Clock clock;
  private final SchedulePolicy policy;
  private final CreatorRegistry creators;
  private final StatsHistory history;
  private final DailyPlanner planner;
  private final DailyTrigger trigger;
  private final JobRunner runner;
  private final JobControl jobs;
  private final JobWorker worker;
  private final Rebalancer rebalancer;
  private final ScheduleReporter schedule;

  private Rescrape(Builder builder, AtomicReference<JobWorker> wakeTarget) {
    this.clock = builder.clock;
    this.policy = new SchedulePolicy(builder.schedule);
    RescrapeEventListener listener = wakingWorkerOnNewJobs(builder.listener, wakeTarget);
    this.creators =
        new CreatorRegistry(builder.creatorStore, builder.jobStore, policy, clock, listener);
    this.history = new StatsHistory(builder.creatorStore, builder.history, clock);
    this.planner = new DailyPlanner(builder.jobStore, history, clock, listener);
    this.trigger =
        new DailyTrigger(planner, builder.jobStore, policy, builder.trigger, clock, listener);
    this.runner =
        new JobRunner(
            builder.jobStore,
            builder.creatorStore,
            builder.workQueue,
            ImmutableSet.copyOf(builder.scrapers),
            policy,
            builder.runner,
            clock,
            listener,
            builder.instanceId,
            builder.gate);
    this.jobs = new JobControl(builder.jobStore, clock);
    this.worker = new JobWorker(jobs, runner, builder.runner);
    this.rebalancer =
        new Rebalancer(builder.creatorStore, builder.jobStore, policy, clock, listener);
    this.schedule = new ScheduleReporter(builder.creatorStore, policy, clock);
    wakeTarget.set(worker);
  }

  /** {@return a builder with the defaults; stores, queue and scrapers still to set} */
  public static Builder builder() {
    return new Builder();
  }

  /** Starts what a service instance runs: the daily trigger and the job worker. */
  public void start() {
    trigger.start();
    worker.start();
  }

  /**
   * Creates the daily job of {@code date}, or finds it, and runs it to its end on this thread. A
   * job that already completed is reported, not run again.
   *
   * @param date the date whose job to run; any date, past or future
   * @return the run's report, or empty when nothing was due that day
   */
  public Optional<RunReport> runDaily(LocalDate date) {
    DailyJobCreation creation = planner.planDay(date);
    if (creation.isNothingDue()) {
      return Optional.empty();
    }
    DailyJob job = creation.job();
    if (job.status().isTerminal()) {
      return Optional.of(
          new RunReport(
              job, jobs.progress(job.id()), jobs.failureCounts(job.id()), java.time.Duration.ZERO));
    }
    return Optional.of(runner.run(job.id()));
  }

  /**
   * Asks the job worker started by {@link #start()} to look for a runnable job now rather than at
   * its next poll: after a job was made runnable again (resumed, failed creators reopened). New
   * daily jobs wake it by themselves. Does nothing when the worker was not started.
   */
  public void wakeWorker() {
    worker.wake();
  }

  /** Stops the trigger and the worker; a running job is interrupted and resumes later. */
  @Override
  public void close() {
    trigger.close();
    worker.close();
  }

  /** {@return the clock every service reads} */
  public Clock clock() {
    return clock;
  }

  /** {@return the scheduling rules of the configured settings} */
  public SchedulePolicy policy() {
    return policy;
  }

  /** {@return the service that adds, imports, removes, searches and looks up creators} */
  public CreatorRegistry creators() {
    return creators;
  }

  /** {@return creators' stats history, and its pruning} */
  public StatsHistory history() {
    return history;
  }

  /** {@return the service that creates a date's daily job} */
  public DailyPlanner planner() {
    return planner;
  }

  /** {@return the daily trigger; {@link #start()} runs it} */
  public DailyTrigger trigger() {
    return trigger;
  }

  /** {@return the runner that works through jobs on this instance} */
  public JobRunner runner() {
    return runner;
  }

  /** {@return the service that reads jobs, cancels them and retries their failed creators} */
  public JobControl jobs() {
    return jobs;
  }

  /** {@return the service that levels creators over the active days} */
  public Rebalancer rebalancer() {
    return rebalancer;
  }

  /** {@return the service that reports how creators spread over the cycle} */
  public ScheduleReporter schedule() {
    return schedule;
  }

  private static RescrapeEventListener wakingWorkerOnNewJobs(
      RescrapeEventListener host, AtomicReference<JobWorker> worker) {
    return event -> {
      if (event instanceof DailyJobCreated) {
        JobWorker target = worker.get();
        if (target != null) {
          target.wake();
        }
      }
      host.onEvent(event);
    };
  }

  /** Builds a {@link Rescrape}; stores, queue and at least one scraper are required. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private ScheduleSettings schedule = ScheduleSettings.defaults();
    private RunnerSettings runner = RunnerSettings.defaults();
    private TriggerSettings trigger = TriggerSettings.defaults();
    private HistorySettings history = HistorySettings.defaults();
    private CreatorStore creatorStore;
    private JobStore jobStore;
    private WorkQueue workQueue;
    private PlatformGate gate = new LocalPlatformGate();
    private final List<ProfileScraper> scrapers = new ArrayList<>();
    private RescrapeEventListener listener = RescrapeEventListener.NONE;
    private InstanceId instanceId;

    private Builder() {}

    /**
     * The only source of time. Default: the system clock in UTC.
     *
     * @param clock the clock; tests pass a {@link io.rescrape.core.testing.SettableClock}
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * When creators are due. Default: {@link ScheduleSettings#defaults()}.
     *
     * @param settings the cycle, active days and trigger time
     * @return this builder
     */
    public Builder schedule(ScheduleSettings settings) {
      this.schedule = Objects.requireNonNull(settings, "schedule");
      return this;
    }

    /**
     * How jobs are worked through. Default: {@link RunnerSettings#defaults()}.
     *
     * @param settings concurrency, retries, leases and batching
     * @return this builder
     */
    public Builder runner(RunnerSettings settings) {
      this.runner = Objects.requireNonNull(settings, "runner");
      return this;
    }

    /**
     * How the daily trigger behaves around failures and sleep. Default: {@link
     * TriggerSettings#defaults()}.
     *
     * @param settings retry delay, longest sleep and look-back for missed dates
     * @return this builder
     */
    public Builder trigger(TriggerSettings settings) {
      this.trigger = Objects.requireNonNull(settings, "trigger");
      return this;
    }

    /**
     * How long stats snapshots are kept. Default: {@link HistorySettings#defaults()}.
     *
     * @param settings the retention and the pruning batch size
     * @return this builder
     */
    public Builder history(HistorySettings settings) {
      this.history = Objects.requireNonNull(settings, "history");
      return this;
    }

    /**
     * Where creators and their schedule are stored. Required.
     *
     * @param store the store
     * @return this builder
     */
    public Builder creatorStore(CreatorStore store) {
      this.creatorStore = Objects.requireNonNull(store, "creatorStore");
      return this;
    }

    /**
     * Where jobs and their item ledger are stored. Required.
     *
     * @param store the store; it must see the same creators as the creator store
     * @return this builder
     */
    public Builder jobStore(JobStore store) {
      this.jobStore = Objects.requireNonNull(store, "jobStore");
      return this;
    }

    /**
     * Hands a running job's items to workers. Required.
     *
     * @param queue a queue over the job store's ledger
     * @return this builder
     */
    public Builder workQueue(WorkQueue queue) {
      this.workQueue = Objects.requireNonNull(queue, "workQueue");
      return this;
    }

    /**
     * Adds the scraper of one platform. At least one is required.
     *
     * @param scraper a scraper for a platform that has none yet
     * @return this builder
     */
    public Builder scraper(ProfileScraper scraper) {
      this.scrapers.add(Objects.requireNonNull(scraper, "scraper"));
      return this;
    }

    /**
     * Adds the scrapers of several platforms, as {@link #scraper} does for each.
     *
     * @param scrapers at most one per platform
     * @return this builder
     */
    public Builder scrapers(Collection<? extends ProfileScraper> scrapers) {
      scrapers.forEach(this::scraper);
      return this;
    }

    /**
     * Receives every event. Default: none.
     *
     * @param listener a fast listener that does not throw
     * @return this builder
     */
    public Builder listener(RescrapeEventListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * The id this instance leases work under. Default: host, process id and a random suffix.
     *
     * @param id an id no other live instance uses
     * @return this builder
     */
    public Builder instanceId(InstanceId id) {
      this.instanceId = Objects.requireNonNull(id, "instanceId");
      return this;
    }

    /**
     * Where each platform's request budget and pauses are kept. Default: a {@link
     * LocalPlatformGate}, which keeps them for this instance alone; several instances need a shared
     * one, such as the Redis adapter's, to keep one budget between them.
     *
     * @param gate the gate
     * @return this builder
     */
    public Builder platformGate(PlatformGate gate) {
      this.gate = Objects.requireNonNull(gate, "platformGate");
      return this;
    }

    /**
     * {@return Rescrape wired to what was set, not yet started}
     *
     * @throws NullPointerException when the creator store, job store or work queue is missing
     * @throws IllegalStateException when no scraper was added
     * @throws IllegalArgumentException when two scrapers serve the same platform
     */
    public Rescrape build() {
      Objects.requireNonNull(creatorStore, "a creator store is required");
      Objects.requireNonNull(jobStore, "a job store is required");
      Objects.requireNonNull(workQueue, "a work queue is required");
      if (scrapers.isEmpty()) {
        throw new IllegalStateException("at least one profile scraper is required");
      }
      if (instanceId == null) {
        instanceId = InstanceId.generate();
      }
      return new Rescrape(this, new AtomicReference<>());
    }
  }
}
