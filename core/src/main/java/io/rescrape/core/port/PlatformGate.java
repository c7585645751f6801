package io.rescrape.core.port;

import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.RequestBudget;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Decides when requests may go to a platform: it counts them against the platform's {@link
 * RequestBudget} and holds the platform's pause after a throttle. Every worker of an instance asks
 * the same gate; a shared gate (such as one in Redis) makes every instance keep one budget and one
 * pause between them. Thread-safe.
 *
 * <p>Time is passed in by the caller, from its injected clock; a gate never reads a clock.
 */
public interface PlatformGate {

  /**
   * Reserves up to {@code wanted} requests within the budget, counted as sent at {@code now}.
   *
   * @param platform the platform the requests go to
   * @param budget the platform's budget
   * @param wanted 1 or more
   * @param now the caller's time
   * @return how many were granted, and when the next one may be when fewer than wanted were
   */
  Permits reserve(Platform platform, RequestBudget budget, int wanted, Instant now);

  /**
   * Gives back requests that were reserved but will not be sent, so they count no longer.
   *
   * @param platform the platform they were reserved for
   * @param unused how many, from 1 up to what was reserved and not yet given back
   */
  void refund(Platform platform, int unused);

  /**
   * Pauses the platform until {@code until}, or leaves a later pause in place.
   *
   * @param platform the platform to pause
   * @param until when requests may go out again
   */
  void pause(Platform platform, Instant until);

  /**
   * {@return the end of the platform's pause, if it is paused at {@code now}}
   *
   * @param platform the platform
   * @param now the caller's time
   */
  Optional<Instant> pausedUntil(Platform platform, Instant now);

  /**
   * Requests granted by {@link #reserve}.
   *
   * @param granted how many of those wanted may be sent now, from 0
   * @param nextAt when the next request may be sent, if the budget is used up; null when it is not
   */
  record Permits(int granted, @Nullable Instant nextAt) {

    /** {@return whether none was granted} */
    public boolean none() {
      return granted == 0;
    }
  }
}
