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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects processed items and writes them in batches: creators first, then the ledger. A crash
 * between the two writes, or before a flush, costs at most a second scrape of those creators, never
 * a lost one: the ledger still shows them unfinished. NOT_FOUND answers count once per job date, so
 * writing a batch again does not count them twice.
 *
 * <p>A full batch is written on the writer thread while the workers go on scraping, so that the
 * store's round trips do not pace them; the writer takes whatever has piled up meanwhile, so
 * batches grow with the pace. Only when {@link #BACKLOG_BATCHES} batches wait does a worker write
 * them itself, which holds the results not yet written to a bound.
 */
final class ResultRecorder {

  private static final Logger log = LoggerFactory.getLogger(ResultRecorder.class);

  /** How many full batches may wait for the writer before workers write them themselves. */
  static final int BACKLOG_BATCHES = 2;

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

  private final ReentrantLock flushing = new ReentrantLock();
  private final AtomicBoolean writeRequested = new AtomicBoolean();

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
      flushQuietly();
    } else if (buffered >= flushSize) {
      requestWrite();
    }
  }

  /** Has the writer flush soon, once however many workers ask. */
  private void requestWrite() {
    if (!writeRequested.compareAndSet(false, true)) {
      return;
    }
    try {
      writer.execute(
          () -> {
            writeRequested.set(false);
            flushQuietly();
          });
    } catch (RejectedExecutionException e) {
      // The run is ending: its last flush writes what is left.
      writeRequested.set(false);
    }
  }

  boolean isEmpty() {
    synchronized (buffer) {
      return buffer.isEmpty();
    }
  }

  /** Writes what is buffered; on a store error keeps it for the next try and logs a warning. */
  boolean flushQuietly() {
    try {
      flush();
      return true;
    } catch (RuntimeException e) {
      log.warn(
          "Could not record results of job {} ({}); keeping them and trying again shortly",
          jobId,
          e.toString());
      return false;
    }
  }

  void flush() {
    flushing.lock();
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
      flushing.unlock();
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
      goneToAnnounce.addAll(creators.recordNotFound(notFound, goneAfterNotFound));
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
    for (Creator creator : goneToAnnounce) {
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
    goneToAnnounce.clear();
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
