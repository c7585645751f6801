package io.rescrape.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until told to move: for tests of host applications as much as ours.
 * Thread-safe.
 */
public final class SettableClock extends Clock {

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  /**
   * A clock standing at {@code start}, in UTC.
   *
   * @param start the instant it shows until moved
   */
  public SettableClock(Instant start) {
    this(new AtomicReference<>(start), ZoneOffset.UTC);
  }

  private SettableClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /**
   * {@return a clock standing at an ISO-8601 instant such as {@code 2025-08-27T09:00:00Z}, in UTC}
   *
   * @param isoInstant the instant, as {@link Instant#parse} reads it
   * @throws java.time.format.DateTimeParseException when the text is not such an instant
   */
  public static SettableClock at(String isoInstant) {
    return new SettableClock(Instant.parse(isoInstant));
  }

  /**
   * Moves the clock to an instant, forwards or backwards, as a wall-clock jump would.
   *
   * @param instant the new time
   */
  public void set(Instant instant) {
    now.set(instant);
  }

  /**
   * Moves the clock on.
   *
   * @param duration how far; a negative duration moves it back
   */
  public void advance(Duration duration) {
    now.updateAndGet(current -> current.plus(duration));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** A view in another zone that moves with this clock. */
  @Override
  public Clock withZone(ZoneId zone) {
    return new SettableClock(now, zone);
  }

  @Override
  public String toString() {
    return "SettableClock[" + now.get() + "]";
  }
}
