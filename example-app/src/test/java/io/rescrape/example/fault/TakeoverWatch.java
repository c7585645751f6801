package io.rescrape.example.fault;

import io.rescrape.core.domain.JobStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Times takeovers in the background: from the SIGKILL of an instance until the ledger shows none of
 * its items leased to it and the job no longer held by it, so that faults can keep coming
 * meanwhile.
 */
final class TakeoverWatch implements AutoCloseable {

  private static final Duration POLL = Duration.ofMillis(50);

  private final FaultHarness harness;
  private final Map<Long, Long> killedAt = new ConcurrentHashMap<>();
  private final List<Duration> measured = new ArrayList<>();
  private final Thread thread;
  private volatile boolean closed;
  private volatile RuntimeException failure;

  TakeoverWatch(FaultHarness harness) {
    this.harness = harness;
    this.thread = new Thread(this::loop, "takeover-watch");
    thread.setDaemon(true);
    thread.start();
  }

  /** Starts timing the takeover from the process just killed. */
  void watch(long pid) {
    killedAt.put(pid, System.nanoTime());
  }

  /** Waits until every watched takeover happened; returns their times. */
  List<Duration> awaitAll(Duration timeout) {
    FaultHarness.awaitUntil(timeout, killedAt::isEmpty, "every takeover");
    if (failure != null) {
      throw failure;
    }
    synchronized (measured) {
      return List.copyOf(measured);
    }
  }

  private void loop() {
    while (!closed) {
      try {
        boolean completed = !killedAt.isEmpty() && harness.jobRow().status() == JobStatus.COMPLETED;
        for (Map.Entry<Long, Long> entry : killedAt.entrySet()) {
          long pid = entry.getKey();
          if (completed || harness.heldBy(pid) == 0 && !harness.ownedBy(pid)) {
            synchronized (measured) {
              measured.add(Duration.ofNanos(System.nanoTime() - entry.getValue()));
            }
            killedAt.remove(pid);
          }
        }
      } catch (RuntimeException e) {
        failure = e;
        killedAt.clear();
      }
      FaultHarness.sleep(POLL);
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
