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
import java.util.ArrayDeque;
import java.util.Deque;
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
 * about as many items as its workers finish in {@link #CLAIM_AHEAD} (never fewer than its idle
 * workers, never more than the platform's budget allows), so that with slow scrapes it holds no
 * more than it works on, and with fast ones a claim's round trips do not pace the workers. It
 * sleeps, never spins, while the platform is paused, its budget is spent or items wait on a retry.
 * A pause that outlasts the deadline ends the lane, leaving its items pending.
 */
final class PlatformLane implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(PlatformLane.class);

  /** How much work a claim may hand the workers at once, judged by the scrapes' recent latency. */
  static final Duration CLAIM_AHEAD = Duration.ofMillis(250);

  /** The most items one claim takes, whatever the latency: one store round trip's worth. */
  static final int MAX_CLAIM = 256;

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

  /**
   * Items claimed ahead of the workers, leased to this instance, not yet sent. Lane thread only; on
   * a stop they go back with the instance's other items, or with their lease.
   */
  private final Deque<WorkItem> held = new ArrayDeque<>();

  /** No item of this platform is left anywhere: the lane ends. */
  private boolean finished;

  /** Mean scrape time of the last few items, in nanoseconds; 0 before the first answer. */
  private volatile long recentLatencyNanos;

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
    while (!stop.isTriggered() && !finished) {
      int free = awaitIdleWorker();
      if (free == 0) {
        continue;
      }
      Instant now = clock.instant();
      int wanted = held.isEmpty() ? claimSize(free) : Math.min(free, held.size());
      long troubles = guard.troubles(platform);
      PlatformGuard.Clearance clearance = guard.clear(platform, wanted, workers - free, now);
      if (clearance.granted() == 0) {
        if (waitOrGiveUp(clearance, now)) {
          return;
        }
        continue;
      }
      if (held.isEmpty() && !claimInto(clearance.granted(), now)) {
        continue;
      }
      pausedSince = null;
      dispatchHeld(clearance.granted(), troubles);
    }
  }

  /**
   * Claims up to {@code max} items into {@link #held}. Returns false when none came: then the lane
   * is {@link #finished}, or has waited for its busy workers or an idle poll.
   */
  private boolean claimInto(int max, Instant now) {
    List<WorkItem> items = claim(max, now);
    guard.unused(platform, max - items.size());
    if (!items.isEmpty()) {
      held.addAll(items);
      return true;
    }
    if (isFinished()) {
      finished = true;
    } else if (!awaitBusyWorkers()) {
      stop.sleep(settings.idlePoll());
    }
    return false;
  }

  /**
   * Hands up to {@code cleared} held items to workers as they come free. It stops early when the
   * platform got into trouble since the clearance (a throttle, an open circuit): what is left waits
   * for the next clearance instead of going out regardless.
   */
  private void dispatchHeld(int cleared, long troublesAtClearance) {
    for (int sent = 0; sent < cleared && !held.isEmpty() && !stop.isTriggered(); sent++) {
      idle.acquireUninterruptibly();
      if (guard.troubles(platform) != troublesAtClearance) {
        idle.release();
        return;
      }
      dispatch(held.poll());
    }
  }

  /**
   * How many items to claim with {@code free} idle workers: as many as all workers finish in {@link
   * #CLAIM_AHEAD} at the recent latency, between {@code free} and {@link #MAX_CLAIM}. Before the
   * first answer, and whenever scrapes take longer than that, it is {@code free}.
   */
  int claimSize(int free) {
    long latency = recentLatencyNanos;
    if (latency == 0) {
      return free;
    }
    long ahead = CLAIM_AHEAD.toNanos() / latency * workers;
    return (int) Math.max(free, Math.min(MAX_CLAIM, ahead));
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

  /** Runs the item on the idle worker the caller acquired. */
  private void dispatch(WorkItem item) {
    pool.execute(
        () -> {
          MDC.put("job", job.id().toString());
          MDC.put("creator", item.creatorId().toString());
          try {
            ItemProcessor.Processed processed = processor.process(item, job.date(), scraper);
            noteLatency(processed.took());
            recorder.add(processed);
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

  /** Keeps a moving mean that follows the last few dozen scrapes; races only blur it. */
  private void noteLatency(Duration took) {
    long nanos = Math.max(1, took.toNanos());
    long previous = recentLatencyNanos;
    recentLatencyNanos = previous == 0 ? nanos : previous + (nanos - previous) / 16;
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
