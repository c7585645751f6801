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
import io.rescrape.core.port.ProfileScraper;
import io.rescrape.core.port.RescrapeEventListener;
import io.rescrape.core.port.WorkQueue;
import io.rescrape.core.service.CreatorRegistry;
import io.rescrape.core.service.DailyPlanner;
import io.rescrape.core.service.DailyTrigger;
import io.rescrape.core.service.JobControl;
import io.rescrape.core.service.JobRunner;
import io.rescrape.core.service.JobWorker;
import io.rescrape.core.service.Rebalancer;
import io.rescrape.core.service.RunReport;
import io.rescrape.core.service.RunnerSettings;
import io.rescrape.core.service.ScheduleReporter;
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
    this.creators = new CreatorRegistry(builder.creatorStore, policy, clock);
    this.planner = new DailyPlanner(builder.jobStore, clock, listener);
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
            builder.instanceId);
    this.jobs = new JobControl(builder.jobStore, clock);
    this.worker = new JobWorker(jobs, runner, builder.runner);
    this.rebalancer =
        new Rebalancer(builder.creatorStore, builder.jobStore, policy, clock, listener);
    this.schedule = new ScheduleReporter(builder.creatorStore, policy, clock);
    wakeTarget.set(worker);
  }

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

  /** Stops the trigger and the worker; a running job is interrupted and resumes later. */
  @Override
  public void close() {
    trigger.close();
    worker.close();
  }

  public Clock clock() {
    return clock;
  }

  public SchedulePolicy policy() {
    return policy;
  }

  public CreatorRegistry creators() {
    return creators;
  }

  public DailyPlanner planner() {
    return planner;
  }

  public DailyTrigger trigger() {
    return trigger;
  }

  public JobRunner runner() {
    return runner;
  }

  public JobControl jobs() {
    return jobs;
  }

  public Rebalancer rebalancer() {
    return rebalancer;
  }

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
    private CreatorStore creatorStore;
    private JobStore jobStore;
    private WorkQueue workQueue;
    private final List<ProfileScraper> scrapers = new ArrayList<>();
    private RescrapeEventListener listener = RescrapeEventListener.NONE;
    private InstanceId instanceId;

    private Builder() {}

    /** The only source of time. Default: the system clock in UTC. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Builder schedule(ScheduleSettings settings) {
      this.schedule = Objects.requireNonNull(settings, "schedule");
      return this;
    }

    public Builder runner(RunnerSettings settings) {
      this.runner = Objects.requireNonNull(settings, "runner");
      return this;
    }

    public Builder trigger(TriggerSettings settings) {
      this.trigger = Objects.requireNonNull(settings, "trigger");
      return this;
    }

    public Builder creatorStore(CreatorStore store) {
      this.creatorStore = Objects.requireNonNull(store, "creatorStore");
      return this;
    }

    public Builder jobStore(JobStore store) {
      this.jobStore = Objects.requireNonNull(store, "jobStore");
      return this;
    }

    public Builder workQueue(WorkQueue queue) {
      this.workQueue = Objects.requireNonNull(queue, "workQueue");
      return this;
    }

    /** Adds the scraper of one platform. */
    public Builder scraper(ProfileScraper scraper) {
      this.scrapers.add(Objects.requireNonNull(scraper, "scraper"));
      return this;
    }

    public Builder scrapers(Collection<? extends ProfileScraper> scrapers) {
      scrapers.forEach(this::scraper);
      return this;
    }

    /** Receives every event. Default: none. */
    public Builder listener(RescrapeEventListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** The id this instance leases work under. Default: host, process id and a random suffix. */
    public Builder instanceId(InstanceId id) {
      this.instanceId = Objects.requireNonNull(id, "instanceId");
      return this;
    }

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
