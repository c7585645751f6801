package io.rescrape.core.service;

import io.rescrape.core.domain.Creator;
import io.rescrape.core.domain.CreatorVisit;
import io.rescrape.core.domain.ItemResult;
import io.rescrape.core.domain.ItemStatus;
import io.rescrape.core.domain.JobId;
import io.rescrape.core.domain.NotFoundAnswer;
import io.rescrape.core.domain.NotFoundStreak;
import io.rescrape.core.event.CreatorFailed;
import io.rescrape.core.event.CreatorGone;
import io.rescrape.core.event.CreatorScraped;
import io.rescrape.core.event.RetryScheduled;
import io.rescrape.core.port.CreatorStore;
import io.rescrape.core.port.JobStore;
import io.rescrape.core.port.WorkQueue;
import io.rescrape.core.service.ItemProcessor.Processed;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects processed items and writes them in batches: creators first, then the ledger. A crash
 * between the two writes, or before a flush, costs at most a second scrape of those creators, never
 * a lost one: the ledger still shows them unfinished. NOT_FOUND answers count once per job date, so
 * writing a batch again does not count them twice.
 *
 * <p>A full batch is written by a writer thread while the workers go on scraping, so that the
 * store's round trips do not pace them; a writer takes whatever has piled up meanwhile, so batches
 * grow with the pace. Up to {@link #WRITERS} batches are written at once, each in its own
 * transactions: no creator is in two of them, since a creator's next result comes only after its
 * last one is written. Only when {@link #BACKLOG_BATCHES} batches wait does a worker write them
 * itself, which holds the results not yet written to a bound.
 */
final class ResultRecorder {

  private static final Logger log = LoggerFactory.getLogger(ResultRecorder.class);

  /** How many full batches may wait for the writers before workers write them themselves. */
  static final int BACKLOG_BATCHES = 2;

  /** How many batches are written at once, each on a writer thread of the job's run. */
  static final int WRITERS = 2;

  private final JobId jobId;
  private final String owner;
  private final CreatorStore creators;
  private final JobStore jobs;
  private final WorkQueue queue;
  private final Events events;
  private final Clock clock;
  private final int flushSize;
  private final int goneAfterNotFound;
  private final Executor writer;

  private final List<Processed> buffer = new ArrayList<>();

  /** Marked gone by a write whose batch failed later; announced once a flush succeeds. */
  private final List<Creator> goneToAnnounce = new ArrayList<>();

  /** Shared by batches written side by side; exclusive for a flush of everything so far. */
  private final ReadWriteLock writing = new ReentrantReadWriteLock();

  private final Semaphore idleWriters = new Semaphore(WRITERS);

  ResultRecorder(
      JobId jobId,
      String owner,
      CreatorStore creators,
      JobStore jobs,
      WorkQueue queue,
      Events events,
      Clock clock,
      int flushSize,
      int goneAfterNotFound,
      Executor writer) {
    this.jobId = jobId;
    this.owner = owner;
    this.creators = creators;
    this.jobs = jobs;
    this.queue = queue;
    this.events = events;
    this.clock = clock;
    this.flushSize = flushSize;
    this.goneAfterNotFound = goneAfterNotFound;
    this.writer = writer;
  }

  void add(Processed processed) {
    int buffered;
    synchronized (buffer) {
      buffer.add(processed);
      buffered = buffer.size();
    }
    if (buffered >= flushSize * BACKLOG_BATCHES) {
      writeQuietly(writing.readLock());
    } else if (buffered >= flushSize) {
      requestWrite();
    }
  }

  /** Has an idle writer write what is buffered, unless every writer is busy already. */
  private void requestWrite() {
    if (!idleWriters.tryAcquire()) {
      return;
    }
    try {
      writer.execute(
          () -> {
            try {
              writeQuietly(writing.readLock());
            } finally {
              idleWriters.release();
            }
          });
    } catch (RejectedExecutionException e) {
      // The run is ending: its last flush writes what is left.
      idleWriters.release();
    }
  }

  /** Writes what is buffered now, beside other batches being written; for the periodic flush. */
  boolean writeQuietly() {
    return writeQuietly(writing.readLock());
  }

  boolean isEmpty() {
    synchronized (buffer) {
      return buffer.isEmpty();
    }
  }

  /**
   * Writes every result added so far, waiting for batches being written; on a store error keeps
   * them for the next try, logs a warning and returns false.
   */
  boolean flushQuietly() {
    return writeQuietly(writing.writeLock());
  }

  private boolean writeQuietly(Lock lock) {
    try {
      write(lock);
      return true;
    } catch (RuntimeException e) {
      log.warn(
          "Could not record results of job {} ({}); keeping them and trying again shortly",
          jobId,
          e.toString());
      return false;
    }
  }

  private void write(Lock lock) {
    lock.lock();
    try {
      List<Processed> batch = drain();
      if (batch.isEmpty()) {
        return;
      }
      try {
        write(batch);
      } catch (RuntimeException e) {
        restore(batch);
        throw e;
      }
      batch.forEach(this::publish);
      announceGone();
    } finally {
      lock.unlock();
    }
  }

  private void write(List<Processed> batch) {
    List<CreatorVisit> visits =
        batch.stream().map(Processed::visit).filter(Objects::nonNull).toList();
    if (!visits.isEmpty()) {
      creators.recordVisits(visits);
    }
    List<NotFoundAnswer> notFound =
        batch.stream().map(Processed::notFound).filter(Objects::nonNull).toList();
    if (!notFound.isEmpty()) {
      List<Creator> gone = creators.recordNotFound(notFound, goneAfterNotFound);
      synchronized (goneToAnnounce) {
        goneToAnnounce.addAll(gone);
      }
    }
    List<ItemResult> results = batch.stream().map(Processed::result).toList();
    jobs.record(jobId, results, owner, clock.instant());
    acknowledge(results);
  }

  /** Best effort: the queue's own counters may miss a batch; the ledger has it. */
  private void acknowledge(List<ItemResult> results) {
    try {
      queue.acknowledge(jobId, results);
    } catch (RuntimeException e) {
      log.debug(
          "Queue could not take note of {} results of job {}: {}",
          results.size(),
          jobId,
          e.toString());
    }
  }

  private List<Processed> drain() {
    synchronized (buffer) {
      List<Processed> batch = new ArrayList<>(buffer);
      buffer.clear();
      return batch;
    }
  }

  private void restore(List<Processed> batch) {
    synchronized (buffer) {
      buffer.addAll(0, batch);
    }
  }

  private void announceGone() {
    List<Creator> gone;
    synchronized (goneToAnnounce) {
      gone = List.copyOf(goneToAnnounce);
      goneToAnnounce.clear();
    }
    for (Creator creator : gone) {
      NotFoundStreak streak = Objects.requireNonNull(creator.notFound());
      log.info(
          "Creator {} ({} {}) marked gone by job {}: not found in the jobs of {} different dates,"
              + " {} to {}; it leaves the schedule until its account is added again",
          creator.id(),
          creator.platform(),
          creator.handle(),
          jobId,
          streak.dates(),
          streak.firstOn(),
          streak.lastOn());
      events.publish(
          new CreatorGone(
              Objects.requireNonNull(creator.goneSince()),
              jobId,
              creator.id(),
              creator.platform(),
              creator.handle(),
              streak.firstOn(),
              streak.lastOn(),
              streak.dates()));
    }
  }

  private void publish(Processed processed) {
    Instant now = clock.instant();
    ItemResult result = processed.result();
    var item = processed.item();
    if (result.status() == ItemStatus.DONE) {
      events.publish(
          new CreatorScraped(now, jobId, item.creatorId(), item.platform(), processed.took()));
    } else if (result.status() == ItemStatus.FAILED) {
      log.info(
          "Creator {} ({} {}) failed in job {}: {} - {} (attempt {}); reported, not retried in"
              + " this job",
          item.creatorId(),
          item.platform(),
          item.handle(),
          jobId,
          result.outcome(),
          result.message(),
          item.attempt());
      events.publish(
          new CreatorFailed(
              now,
              jobId,
              item.creatorId(),
              item.platform(),
              result.outcome(),
              result.message(),
              item.attempt()));
    } else if (result.status() == ItemStatus.PENDING && !result.refundAttempt()) {
      events.publish(
          new RetryScheduled(
              now,
              jobId,
              item.creatorId(),
              item.platform(),
              result.outcome(),
              item.attempt(),
              result.retryAt()));
    }
  }
}
