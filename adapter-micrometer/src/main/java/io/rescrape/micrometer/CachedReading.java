package io.rescrape.micrometer;

import io.micrometer.core.instrument.Clock;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value read from a store at most once per period, so that gauges polled without limit, by a
 * scraper or by a client flooding {@code /metrics}, cost the store one read per period. A failed
 * read keeps the last value and is logged once per outage. Thread-safe: one thread reads while the
 * others get the value it is replacing, so a slow store holds up one scrape, not all of them.
 */
final class CachedReading<T> {

  private static final Logger log = LoggerFactory.getLogger(CachedReading.class);

  private final String what;
  private final Supplier<T> read;
  private final Clock clock;
  private final Duration period;
  private final ReentrantLock reading = new ReentrantLock();

  private volatile @Nullable T last;
  private volatile boolean attempted;
  private volatile long attemptedAt;
  private boolean failing; // guarded by reading

  /**
   * A reading not taken yet.
   *
   * @param what what is read, for the log: "job and creator counts"
   * @param read reads the value; may throw
   * @param clock whose monotonic time the period is measured on, so wall-clock jumps do not matter
   * @param period how long a value, or a failure, stands before the next read
   */
  CachedReading(String what, Supplier<T> read, Clock clock, Duration period) {
    this.what = what;
    this.read = read;
    this.clock = clock;
    this.period = period;
  }

  /**
   * {@return the value of the last successful read, null before the first} Reads again first when
   * the last attempt is older than the period and no other thread is reading. Never throws.
   */
  @Nullable T get() {
    if (isFresh() || !reading.tryLock()) {
      return last;
    }
    try {
      if (!isFresh()) {
        refresh();
      }
      return last;
    } finally {
      reading.unlock();
    }
  }

  private boolean isFresh() {
    return attempted && clock.monotonicTime() - attemptedAt < period.toNanos();
  }

  private void refresh() {
    try {
      last = read.get();
      if (failing) {
        failing = false;
        log.info("Metrics read {} again; their gauges show current values", what);
      }
    } catch (RuntimeException e) {
      if (!failing) {
        failing = true;
        log.warn(
            "Metrics could not read {} ({}); their gauges keep their last values, and the read is"
                + " tried again every {} ms until it succeeds",
            what,
            e.toString(),
            period.toMillis());
      }
    }
    attemptedAt = clock.monotonicTime();
    attempted = true;
  }
}
