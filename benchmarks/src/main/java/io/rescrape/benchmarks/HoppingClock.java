package io.rescrape.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that runs at the speed of real time but can hop to another instant, so that a benchmark
 * spends only the seconds around each simulated event instead of the days between them. Between
 * hops it reads its base clock plus an offset: a duration measured on it is a real duration, and a
 * sleep computed from it ends when it says. Thread-safe.
 */
final class HoppingClock extends Clock {

  private final Clock base;
  private final AtomicReference<Duration> offset;

  /** A clock that shows {@code base}'s time until the first hop. */
  HoppingClock(Clock base) {
    this(base, new AtomicReference<>(Duration.ZERO));
  }

  private HoppingClock(Clock base, AtomicReference<Duration> offset) {
    this.base = base;
    this.offset = offset;
  }

  /** Shows {@code instant} now, and runs on from it in real time. */
  void hopTo(Instant instant) {
    offset.set(Duration.between(base.instant(), instant));
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  /** A view in another zone that hops with this clock. */
  @Override
  public Clock withZone(ZoneId zone) {
    return new HoppingClock(base.withZone(zone), offset);
  }

  @Override
  public String toString() {
    return "HoppingClock[" + instant() + "]";
  }
}
