package io.rescrape.core.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Whether this instance sends requests to a platform now, and if not, why and until when.
 *
 * @param platform the platform
 * @param circuit the state of its circuit breaker on this instance
 * @param failingSince when the answers that opened the circuit began; null while it is closed
 * @param pausedUntil the end of its pause (after a throttle, a configuration alert or an opened
 *     circuit), if it is paused now; null when requests may go out
 * @param reason the answer behind the pause or the open circuit, empty when there is none
 */
public record PlatformStatus(
    Platform platform,
    Circuit circuit,
    @Nullable Instant failingSince,
    @Nullable Instant pausedUntil,
    String reason) {

  /** The states of a platform's circuit breaker. */
  public enum Circuit {
    /** Requests go out as the budget allows. */
    CLOSED,
    /** Most recent answers were blocks or changed pages: no request goes out until its end. */
    OPEN,
    /** The open time is over: one request at a time tests whether the platform answers again. */
    HALF_OPEN
  }

  /** {@return whether requests may go out now} */
  public boolean isServing() {
    return pausedUntil == null && circuit != Circuit.OPEN;
  }
}
