package io.rescrape.core.service;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.JobProgress;
import io.rescrape.core.domain.Lease;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.WorkItem;
import io.rescrape.core.port.JobStore;
import io.rescrape.core.port.ProfileScraper;
import io.rescrape.core.port.WorkQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Works through one platform's items of a running job with a fixed number of workers. It claims
 * only as many items as it has idle workers and the platform's budget allows, so nothing it holds
 * sits waiting while its lease runs down, and it sleeps, never spins, while the platform is paused,
 * its budget is spent or items wait on a retry. A pause that outlasts the deadline ends the lane,
 * leaving its items pending.
 */
final class PlatformLane implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(PlatformLane.class);

  private final DailyJob job;
  private final Platform platform;
  private final ProfileScraper scraper;
  private final int workers;
  private final String owner;
  private final WorkQueue queue;
  private final JobStore jobs;
  private final ItemProcessor processor;
  private final ResultRecorder recorder;
  private final PlatformGuard guard;
  private final RunnerSettings settings;
  private final Clock clock;
  private final StopSignal stop;

  private final Semaphore idle;
  private final ExecutorService pool;
  private final Instant startedAt;
  private @Nullable Instant pausedSince;
  private volatile boolean stalled;

  PlatformLane(
      DailyJob job,
      ProfileScraper scraper,
      String owner,
      WorkQueue queue,
      JobStore jobs,
      ItemProcessor processor,
      ResultRecorder recorder,
      PlatformGuard guard,
      RunnerSettings settings,
      Clock clock,
      StopSignal stop) {
    this.job = job;
    this.platform = scraper.platform();
    this.scraper = scraper;
    this.workers = settings.concurrencyOf(platform);
    this.owner = owner;
    this.queue = queue;
    this.jobs = jobs;
    this.processor = processor;
    this.recorder = recorder;
    this.guard = guard;
    this.settings = settings;
    this.clock = clock;
    this.stop = stop;
    this.startedAt = clock.instant();
    this.idle = new Semaphore(workers);
    this.pool =
        Executors.newFixedThreadPool(
            workers,
            new ThreadFactoryBuilder()
                .setNameFormat("rescrape-job-" + job.id() + "-" + platform + "-%d")
                .setDaemon(true)
                .build());
  }

  @Override
  public void run() {
    MDC.put("job", job.id().toString());
    try {
      dispatchUntilDone();
    } catch (RuntimeException e) {
      log.error(
          "Worker lane for {} of job {} failed; its items return after their lease",
          platform,
          job.id(),
          e);
    } finally {
      drainPool();
      MDC.remove("job");
    }
  }

  private void dispatchUntilDone() {
    while (!stop.isTriggered()) {
      int free = awaitIdleWorker();
      if (free == 0) {
        continue;
      }
      Instant now = clock.instant();
      PlatformGuard.Clearance clearance = guard.clear(platform, free, workers - free, now);
      if (clearance.granted() == 0) {
        if (waitOrGiveUp(clearance, now)) {
          return;
        }
        continue;
      }
      List<WorkItem> items = claim(clearance.granted(), now);
      guard.unused(platform, clearance.granted() - items.size());
      if (items.isEmpty()) {
        if (isFinished()) {
          return;
        }
        if (!awaitBusyWorkers()) {
          stop.sleep(settings.idlePoll());
        }
        continue;
      }
      pausedSince = null;
      items.forEach(this::dispatch);
    }
  }

  /**
   * Sleeps until the platform may be asked again, or one idle poll. Returns true when the lane
   * should end: its items are all finished, or a pause has lasted past the deadline.
   */
  private boolean waitOrGiveUp(PlatformGuard.Clearance clearance, Instant now) {
    // A spent budget or a pause may outlast the platform's last items: nothing is left to wait for.
    if (isFinished()) {
      return true;
    }
    if (clearance.paused()) {
      if (pausedSince == null) {
        pausedSince = now; // for another instance's pause, seen before any refusal of our own
      }
      // A resumed job waits a whole deadline again, however long the platform refused before,
      // so an instance that resumes it at once does not give up at once, again and again.
      Instant since = latest(guard.troubledSince(platform).orElse(pausedSince), startedAt);
      if (Duration.between(since, now).compareTo(settings.pauseDeadline()) >= 0) {
        giveUp(since, clearance.waitUntil());
        return true;
      }
    }
    stop.sleep(shorterOf(settings.idlePoll(), Duration.between(now, clearance.waitUntil())));
    return false;
  }

  private void giveUp(Instant since, Instant pausedUntil) {
    stalled = true;
    log.warn(
        "{} has refused our requests since {}, past the {} pause deadline (paused until {}); this"
            + " instance stops working on its creators of job {}, which stay pending and lose no"
            + " attempt - the job stops INTERRUPTED once the other platforms are done, to be"
            + " resumed",
        platform,
        since,
        settings.pauseDeadline(),
        pausedUntil,
        job.id());
  }

  Platform platform() {
    return platform;
  }

  /** {@return whether the lane gave up because its platform stayed paused past the deadline} */
  boolean stalled() {
    return stalled;
  }

  private int awaitIdleWorker() {
    try {
      if (idle.tryAcquire(settings.idlePoll().toMillis(), TimeUnit.MILLISECONDS)) {
        idle.release();
        return idle.availablePermits();
      }
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop.trigger();
      return 0;
    }
  }

  /**
   * Waits, up to one idle poll, for this lane's busy workers to finish, since their results may be
   * all that is left. Returns false when none was busy, so there was nothing to wait for.
   */
  private boolean awaitBusyWorkers() {
    if (idle.availablePermits() == workers) {
      return false;
    }
    try {
      if (idle.tryAcquire(workers, settings.idlePoll().toMillis(), TimeUnit.MILLISECONDS)) {
        idle.release(workers);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop.trigger();
    }
    return true;
  }

  private List<WorkItem> claim(int max, Instant now) {
    try {
      Lease lease = new Lease(owner, now.plus(settings.lease()));
      return queue.claim(job.id(), platform, max, lease, now);
    } catch (RuntimeException e) {
      log.warn(
          "Could not claim {} items of job {} ({}); trying again in {}",
          platform,
          job.id(),
          e.toString(),
          settings.idlePoll());
      stop.sleep(settings.idlePoll());
      return List.of();
    }
  }

  private void dispatch(WorkItem item) {
    idle.acquireUninterruptibly();
    pool.execute(
        () -> {
          MDC.put("job", job.id().toString());
          MDC.put("creator", item.creatorId().toString());
          try {
            recorder.add(processor.process(item, job.date(), scraper));
          } catch (RuntimeException e) {
            log.error(
                "Unexpected error on creator {} of job {}; its item returns after its lease",
                item.creatorId(),
                job.id(),
                e);
          } finally {
            MDC.clear();
            idle.release();
          }
        });
  }

  /** Whether no item of this platform is left anywhere, after our own results are written. */
  private boolean isFinished() {
    if (idle.availablePermits() < workers || !recorder.flushQuietly()) {
      return false;
    }
    try {
      JobProgress progress =
          jobs.progressByPlatform(job.id()).getOrDefault(platform, JobProgress.EMPTY);
      return progress.isComplete();
    } catch (RuntimeException e) {
      log.warn(
          "Could not read progress of job {} ({}); looking again shortly", job.id(), e.toString());
      return false;
    }
  }

  private void drainPool() {
    pool.shutdown();
    try {
      if (!pool.awaitTermination(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn(
            "{} scrapes of job {} still running after the {} grace period; interrupting them,"
                + " their items go back to pending",
            platform,
            job.id(),
            settings.shutdownGrace());
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Duration shorterOf(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
