package io.rescrape.core.service;

import com.google.common.base.Stopwatch;
import com.google.common.util.concurrent.ThreadFactoryBuilder;
import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.JobProgress;
import io.rescrape.core.domain.JobStatus;
import io.rescrape.core.domain.Lease;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.ScrapeOutcome;
import io.rescrape.core.event.JobStarted;
import io.rescrape.core.event.JobStopped;
import io.rescrape.core.port.CreatorStore;
import io.rescrape.core.port.JobStore;
import io.rescrape.core.port.ProfileScraper;
import io.rescrape.core.port.WorkQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One run of one job on this instance. The instance either owns the job (it started it, renews its
 * lease and stops it) or helps the instance that owns it, working on the same items. A helper
 * watches the owner's lease and takes the job over when it lapses.
 */
final class JobRun {

  private static final Logger log = LoggerFactory.getLogger(JobRun.class);

  private final DailyJob job;
  private final String owner;
  private final JobStore jobs;
  private final CreatorStore creators;
  private final WorkQueue queue;
  private final Map<Platform, ProfileScraper> scrapers;
  private final ItemProcessor processor;
  private final PlatformGuard guard;
  private final RunnerSettings settings;
  private final Clock clock;
  private final Events events;

  private final StopSignal stop = new StopSignal();
  private final Set<Platform> stalled = EnumSet.noneOf(Platform.class);
  private volatile boolean lostJob;
  private volatile boolean owning;

  JobRun(
      DailyJob job,
      boolean owning,
      String owner,
      JobStore jobs,
      CreatorStore creators,
      WorkQueue queue,
      Map<Platform, ProfileScraper> scrapers,
      ItemProcessor processor,
      PlatformGuard guard,
      RunnerSettings settings,
      Clock clock,
      Events events) {
    this.job = job;
    this.owning = owning;
    this.owner = owner;
    this.jobs = jobs;
    this.creators = creators;
    this.queue = queue;
    this.scrapers = scrapers;
    this.processor = processor;
    this.guard = guard;
    this.settings = settings;
    this.clock = clock;
    this.events = events;
  }

  /** Asks the run to stop taking items; scrapes in flight finish within the grace period. */
  void requestStop() {
    stop.trigger();
  }

  RunReport execute() {
    Stopwatch stopwatch = Stopwatch.createStarted();
    MDC.put("job", job.id().toString());
    try {
      JobProgress before = jobs.progress(job.id());
      announceStart(before);
      queue.open(job);
      ExecutorService writer =
          Executors.newFixedThreadPool(
              ResultRecorder.WRITERS,
              new ThreadFactoryBuilder()
                  .setNameFormat("rescrape-job-" + job.id() + "-writer-%d")
                  .setDaemon(true)
                  .build());
      Set<Platform> unserved;
      try {
        unserved = workThrough(recorder(writer));
      } finally {
        writer.shutdown(); // idle by now: the last flush ran on this thread
      }
      return finish(unserved, stopwatch.elapsed());
    } finally {
      MDC.remove("job");
    }
  }

  private ResultRecorder recorder(ExecutorService writer) {
    return new ResultRecorder(
        job.id(),
        owner,
        creators,
        jobs,
        queue,
        events,
        clock,
        settings.flushSize(),
        processor.goneAfterNotFound(),
        writer);
  }

  private void announceStart(JobProgress before) {
    if (!owning) {
      log.info(
          "Instance {} joins job {} run by instance {}: {} - {} creators left",
          owner,
          job.id(),
          job.lease() == null ? "?" : job.lease().owner(),
          job.description(),
          before.remaining());
      return;
    }
    boolean resumed = before.finished() > 0 || before.inProgress() > 0;
    log.info(
        "Job {} {} on instance {}: {} - {} to do, {} already finished",
        job.id(),
        resumed ? "resumed" : "started",
        owner,
        job.description(),
        before.remaining(),
        before.finished());
    events.publish(new JobStarted(clock.instant(), job.id(), owner, resumed, before));
  }

  /** Runs a lane per platform with work, and returns the platforms with work but no scraper. */
  private Set<Platform> workThrough(ResultRecorder recorder) {
    ScheduledExecutorService housekeeping =
        Executors.newSingleThreadScheduledExecutor(
            new ThreadFactoryBuilder()
                .setNameFormat("rescrape-job-" + job.id() + "-housekeeping")
                .setDaemon(true)
                .build());
    long renewEvery = Math.max(1, settings.lease().toMillis() / 3);
    housekeeping.scheduleWithFixedDelay(
        withJobInLogs(this::keepOrWatchLease), renewEvery, renewEvery, TimeUnit.MILLISECONDS);
    long flushEvery = settings.flushInterval().toMillis();
    housekeeping.scheduleWithFixedDelay(
        withJobInLogs(recorder::writeQuietly), flushEvery, flushEvery, TimeUnit.MILLISECONDS);
    try {
      Set<Platform> unserved = EnumSet.noneOf(Platform.class);
      Map<PlatformLane, Thread> lanes = new LinkedHashMap<>();
      for (Map.Entry<Platform, JobProgress> entry : jobs.progressByPlatform(job.id()).entrySet()) {
        if (entry.getValue().isComplete()) {
          continue;
        }
        ProfileScraper scraper = scrapers.get(entry.getKey());
        if (scraper == null) {
          unserved.add(entry.getKey());
          continue;
        }
        PlatformLane lane = lane(scraper, recorder);
        lanes.put(lane, start(lane, scraper.platform()));
      }
      joinAll(lanes.values());
      lanes.keySet().stream().filter(PlatformLane::stalled).forEach(l -> stalled.add(l.platform()));
      flushBeforeStop(recorder);
      awaitTheOwnerEndingTheJob();
      return unserved;
    } finally {
      housekeeping.shutdownNow();
    }
  }

  /**
   * A helper that ran out of items stays until the owner ends the job, or until the owner's lease
   * lapses and it takes the job over to end it itself. Leaving at once would leave a dead owner's
   * job RUNNING with nothing left to do until some other instance came by.
   */
  private void awaitTheOwnerEndingTheJob() {
    while (!owning && !stop.isTriggered()) {
      stop.sleep(settings.idlePoll());
    }
  }

  private Runnable withJobInLogs(Runnable task) {
    return () -> {
      MDC.put("job", job.id().toString());
      try {
        task.run();
      } finally {
        MDC.remove("job");
      }
    };
  }

  private PlatformLane lane(ProfileScraper scraper, ResultRecorder recorder) {
    return new PlatformLane(
        job, scraper, owner, queue, jobs, processor, recorder, guard, settings, clock, stop);
  }

  private Thread start(PlatformLane lane, Platform platform) {
    Thread thread = new Thread(lane, "rescrape-job-" + job.id() + "-" + platform);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private void joinAll(Collection<Thread> lanes) {
    for (Thread lane : lanes) {
      try {
        lane.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stop.trigger();
      }
    }
  }

  private void flushBeforeStop(ResultRecorder recorder) {
    long deadline = System.nanoTime() + Math.max(1, settings.shutdownGrace().toNanos());
    while (!recorder.flushQuietly() && System.nanoTime() < deadline) {
      new StopSignal().sleep(settings.idlePoll());
    }
    if (!recorder.isEmpty()) {
      log.error(
          "Job {}: results of some creators could not be written before stopping; they stay"
              + " unfinished in the ledger and are scraped again when the job resumes",
          job.id());
    }
  }

  private void keepOrWatchLease() {
    if (owning) {
      renewLease();
    } else {
      watchOwner();
    }
    renewItemLeases();
  }

  /** A lease for this instance from now on, for the job and the items it holds. */
  private Lease freshLease() {
    return new Lease(owner, clock.instant().plus(settings.lease()));
  }

  /** Keeps the items this instance scrapes, however long a scrape takes, until it records them. */
  private void renewItemLeases() {
    try {
      jobs.renewItemLeases(job.id(), freshLease());
    } catch (RuntimeException e) {
      log.warn(
          "Could not renew the item leases of job {} ({}); trying again, others take over the"
              + " items whose lease lapses",
          job.id(),
          e.toString());
    }
  }

  /** A helper stops with the job, and takes it over when its owner stops renewing the lease. */
  private void watchOwner() {
    try {
      DailyJob current = jobs.find(job.id()).orElse(null);
      if (current == null || current.status() != JobStatus.RUNNING) {
        lostJob = true;
        stop.trigger();
        return;
      }
      Lease lease = freshLease();
      Instant now = clock.instant();
      if (current.isAbandonedAt(now)
          && jobs.start(job.id(), lease, now) == JobStore.StartOutcome.STARTED) {
        owning = true;
        log.warn(
            "Job {}: instance {} stopped renewing its lease (lapsed at {}); instance {} took the"
                + " job over and goes on with it",
            job.id(),
            current.lease().owner(),
            current.lease().until(),
            owner);
      }
    } catch (RuntimeException e) {
      log.warn("Could not read job {} ({}); looking again shortly", job.id(), e.toString());
    }
  }

  private void renewLease() {
    try {
      if (!jobs.renewLease(job.id(), freshLease())) {
        log.warn(
            "Job {} is no longer held by instance {} (cancelled, or taken over after a lapsed"
                + " lease); this instance stops working on it",
            job.id(),
            owner);
        lostJob = true;
        stop.trigger();
      }
    } catch (RuntimeException e) {
      log.warn(
          "Could not renew the lease of job {} ({}); trying again, other instances take over if"
              + " it lapses",
          job.id(),
          e.toString());
    }
  }

  private RunReport finish(Set<Platform> unserved, Duration took) {
    if (!owning) {
      return leaveAsHelper(took);
    }
    JobProgress progress = jobs.progress(job.id());
    JobStatus status;
    if (lostJob) {
      status = null;
    } else if (progress.isComplete()) {
      status = JobStatus.COMPLETED;
    } else if (!unserved.isEmpty()) {
      status = JobStatus.FAILED;
    } else {
      status = JobStatus.INTERRUPTED;
    }
    if (status != null) {
      if (status != JobStatus.COMPLETED) {
        queue.release(job.id(), owner);
        progress = jobs.progress(job.id());
      }
      if (jobs.finish(job.id(), owner, status, clock.instant())) {
        logStop(status, progress, unserved, took);
        events.publish(new JobStopped(clock.instant(), job.id(), status, progress));
      }
    }
    DailyJob stored = jobs.find(job.id()).orElse(job);
    return new RunReport(stored, progress, jobs.failureCounts(job.id()), took);
  }

  /** A helper hands back what it holds and leaves the job to its owner, or stopped with it. */
  private RunReport leaveAsHelper(Duration took) {
    int released = queue.release(job.id(), owner);
    JobProgress progress = jobs.progress(job.id());
    log.info(
        "Instance {} stops helping with job {}{}; {} of {} creators finished",
        owner,
        job.id(),
        released > 0 ? " and hands back " + released + " creators" : "",
        progress.finished(),
        progress.total());
    DailyJob stored = jobs.find(job.id()).orElse(job);
    return new RunReport(stored, progress, jobs.failureCounts(job.id()), took);
  }

  private void logStop(
      JobStatus status, JobProgress progress, Set<Platform> unserved, Duration took) {
    switch (status) {
      case COMPLETED ->
          log.info(
              "Job {} completed in {} s: {} done, {} failed{}, {} skipped",
              job.id(),
              String.format(Locale.ROOT, "%.1f", took.toMillis() / 1000.0),
              progress.done(),
              progress.failed(),
              failureSummary(),
              progress.skipped());
      case FAILED ->
          log.error(
              "Job {} stopped with {} creators left: no scraper is configured for {}; configure one"
                  + " and resume the job",
              job.id(),
              progress.remaining(),
              unserved);
      default ->
          log.info(
              "Job {} interrupted with {} of {} creators left{}; it resumes where it stopped",
              job.id(),
              progress.remaining(),
              progress.total(),
              stalled.isEmpty() ? "" : " (" + stalled + " paused past the pause deadline)");
    }
  }

  private String failureSummary() {
    Map<ScrapeOutcome, Long> counts = jobs.failureCounts(job.id());
    if (counts.isEmpty()) {
      return "";
    }
    return counts.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", ", " (", ")"));
  }
}
