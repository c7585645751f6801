package io.rescrape.core.service;

import com.google.common.collect.ImmutableMap;
import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.InstanceId;
import io.rescrape.core.domain.JobId;
import io.rescrape.core.domain.JobStateException;
import io.rescrape.core.domain.JobStatus;
import io.rescrape.core.domain.Lease;
import io.rescrape.core.domain.NotFoundException;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.PlatformStatus;
import io.rescrape.core.domain.RequestBudget;
import io.rescrape.core.domain.SchedulePolicy;
import io.rescrape.core.event.JobQueued;
import io.rescrape.core.port.CreatorStore;
import io.rescrape.core.port.JobStore;
import io.rescrape.core.port.PlatformGate;
import io.rescrape.core.port.ProfileScraper;
import io.rescrape.core.port.RescrapeEventListener;
import io.rescrape.core.port.WorkQueue;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs jobs on this instance: starts a job (or resumes, or takes it over from an instance whose
 * lease lapsed), works through its items concurrently per platform, and stops it COMPLETED,
 * INTERRUPTED or FAILED. One job at a time: a job waits QUEUED while another runs.
 */
public final class JobRunner {

  private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

  private final JobStore jobs;
  private final CreatorStore creators;
  private final WorkQueue queue;
  private final Map<Platform, ProfileScraper> scrapers;
  private final RunnerSettings settings;
  private final Clock clock;
  private final Events events;
  private final String instanceId;
  private final ItemProcessor processor;
  private final PlatformGuard guard;

  private final StopSignal stopping = new StopSignal();
  private final AtomicReference<JobRun> current = new AtomicReference<>();

  /**
   * A runner for this instance.
   *
   * @param jobs the job store and its ledger
   * @param creators where what each visit learned is recorded
   * @param queue hands out the items
   * @param scrapers at most one per platform; a job with creators on a platform without one stops
   *     FAILED
   * @param policy the rules that set each creator's next due date
   * @param settings concurrency, retries, leases, batching and the shutdown grace period
   * @param clock the only source of time
   * @param listener receives the events of every run
   * @param instanceId the id jobs and items are leased under
   * @param gate keeps each platform's request budget and pauses; a {@link LocalPlatformGate} keeps
   *     them for this instance alone, a shared one for every instance
   * @throws IllegalArgumentException when two scrapers serve the same platform
   */
  @Inject
  public JobRunner(
      JobStore jobs,
      CreatorStore creators,
      WorkQueue queue,
      Set<ProfileScraper> scrapers,
      SchedulePolicy policy,
      RunnerSettings settings,
      Clock clock,
      RescrapeEventListener listener,
      InstanceId instanceId,
      PlatformGate gate) {
    this.jobs = jobs;
    this.creators = creators;
    this.queue = queue;
    this.scrapers = byPlatform(scrapers);
    this.settings = settings;
    this.clock = clock;
    this.events = new Events(listener);
    this.instanceId = instanceId.value();
    this.guard = new PlatformGuard(gate, settings, scraperBudgets(scrapers), events);
    this.processor = new ItemProcessor(policy, settings, guard, clock);
  }

  /**
   * {@return whether each platform is served now, as this instance sees it: its circuit breaker,
   * and any pause after a throttle or an opened circuit}
   */
  public List<PlatformStatus> platformStatuses() {
    return guard.statuses(clock.instant());
  }

  /** {@return the id this instance leases jobs and items under} */
  public String instanceId() {
    return instanceId;
  }

  /**
   * Runs a job until it stops, blocking the calling thread. A job that another live instance is
   * running is joined: this instance works on its items too, until they are all finished, and takes
   * the job over should that instance stop renewing its lease. A job that waits behind another
   * running job is waited for; a running job whose owner's lease lapsed is taken over first.
   *
   * @param id the job to run
   * @return how the run ended; when the runner was stopped before the job started, the job as it
   *     stands and a duration of zero
   * @throws NotFoundException when the job does not exist
   * @throws JobStateException when the job is COMPLETED or CANCELLED when this call starts; a job
   *     that ends on another instance while this call waits for it is reported, not thrown
   */
  public RunReport run(JobId id) {
    Optional<Start> started = awaitStart(id);
    if (started.isEmpty()) {
      DailyJob job = jobs.find(id).orElseThrow(() -> NotFoundException.job(id));
      return new RunReport(job, jobs.progress(id), jobs.failureCounts(id), Duration.ZERO);
    }
    JobRun run =
        new JobRun(
            started.get().job(),
            started.get().owner(),
            instanceId,
            jobs,
            creators,
            queue,
            scrapers,
            processor,
            guard,
            settings,
            clock,
            events);
    current.set(run);
    try {
      if (stopping.isTriggered()) {
        run.requestStop();
      }
      return run.execute();
    } finally {
      current.set(null);
    }
  }

  /**
   * Stops taking new items: scrapes in flight finish within the grace period, what is left is
   * released, and the job becomes INTERRUPTED, ready to resume. Safe to call from a shutdown hook.
   */
  public void stop() {
    stopping.trigger();
    JobRun run = current.get();
    if (run != null) {
      run.requestStop();
    }
  }

  /** {@return whether {@link #stop()} was called; a stopped runner starts no further job} */
  public boolean isStopping() {
    return stopping.isTriggered();
  }

  /** How this instance takes part in a job: as its owner, or helping the instance that owns it. */
  private record Start(DailyJob job, boolean owner) {}

  private Optional<Start> awaitStart(JobId id) {
    boolean announced = false;
    while (!stopping.isTriggered()) {
      Instant now = clock.instant();
      Lease lease = new Lease(instanceId, now.plus(settings.lease()));
      switch (jobs.start(id, lease, now)) {
        case STARTED:
          return jobs.find(id).map(job -> new Start(job, true));
        case BLOCKED:
          announced = waitBehindRunningJob(id, now, announced);
          break;
        case NOT_STARTABLE:
          DailyJob job = jobs.find(id).orElseThrow(() -> NotFoundException.job(id));
          if (job.status() == JobStatus.RUNNING) {
            return Optional.of(new Start(job, false)); // a live instance runs it: help
          }
          if (announced) {
            return Optional.empty(); // it ended on the instance we were waiting for
          }
          throw new JobStateException(
              "job " + id + " is " + job.status() + "; there is nothing to run" + hint(job));
        default:
          throw new IllegalStateException();
      }
      stopping.sleep(settings.idlePoll());
    }
    return Optional.empty();
  }

  private boolean waitBehindRunningJob(JobId id, Instant now, boolean announced) {
    Optional<DailyJob> running = jobs.running();
    if (running.isEmpty()) {
      return announced;
    }
    DailyJob other = running.get();
    if (other.isAbandonedAt(now)) {
      log.warn(
          "Job {} was abandoned by instance {} (lease lapsed at {}); taking it over before job {}",
          other.id(),
          other.lease().owner(),
          other.lease().until(),
          id);
      run(other.id());
      return announced;
    }
    if (!announced && jobs.markQueued(id)) {
      log.info(
          "Job {} is queued behind running job {} (instance {}); it starts when that one ends",
          id,
          other.id(),
          other.lease() == null ? "?" : other.lease().owner());
      events.publish(new JobQueued(now, id, other.id()));
    }
    return true;
  }

  private String hint(DailyJob job) {
    long failed = jobs.progress(job.id()).failed();
    if (job.status() == JobStatus.COMPLETED && failed > 0) {
      return " (retry its " + failed + " failed creators with retry-failed)";
    }
    return "";
  }

  private static Map<Platform, ProfileScraper> byPlatform(Set<ProfileScraper> scrapers) {
    Map<Platform, ProfileScraper> map = new EnumMap<>(Platform.class);
    for (ProfileScraper scraper : scrapers) {
      if (map.put(scraper.platform(), scraper) != null) {
        throw new IllegalArgumentException("two scrapers for " + scraper.platform());
      }
    }
    return ImmutableMap.copyOf(map);
  }

  private static Map<Platform, RequestBudget> scraperBudgets(Set<ProfileScraper> scrapers) {
    Map<Platform, RequestBudget> budgets = new EnumMap<>(Platform.class);
    for (ProfileScraper scraper : scrapers) {
      scraper.defaultBudget().ifPresent(budget -> budgets.put(scraper.platform(), budget));
    }
    return budgets;
  }
}
