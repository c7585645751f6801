package io.rescrape.benchmarks;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** Prints how far a run got every two seconds, on a daemon thread, until closed. */
final class ProgressTicker implements AutoCloseable {

  private static final long PERIOD_MILLIS = 2_000;

  private final Thread thread;
  private volatile boolean closed;

  private ProgressTicker(String label, long total, LongSupplier done) {
    long started = System.nanoTime();
    this.thread =
        new Thread(
            () -> {
              while (!closed) {
                sleep();
                if (closed) {
                  return;
                }
                long finished = done.getAsLong();
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf(
                    Locale.ROOT,
                    "  %s: %,d of %,d in %.1f s (%,.0f/s)%n",
                    label,
                    finished,
                    total,
                    seconds,
                    finished / seconds);
              }
            },
            "benchmark-progress");
    thread.setDaemon(true);
  }

  /** Starts printing {@code done} of {@code total}. */
  static ProgressTicker start(String label, long total, LongSupplier done) {
    ProgressTicker ticker = new ProgressTicker(label, total, done);
    ticker.thread.start();
    return ticker;
  }

  private static void sleep() {
    try {
      TimeUnit.MILLISECONDS.sleep(PERIOD_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
  }
}
