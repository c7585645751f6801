package io.rescrape.core.service;

import io.rescrape.core.domain.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Platforms that throttled us and until when no worker may send them a request. A throttle pauses
 * its platform for what the platform asked, but at least {@link RunnerSettings#minRateLimitPause()}
 * and at most {@link RunnerSettings#maxRateLimitPause()}; each further throttle before a normal
 * answer doubles the pause, so a platform that keeps throttling is asked less and less often.
 * Throttles that arrive while the platform is already paused (requests that were in flight) belong
 * to the same pause. Thread-safe.
 */
final class PlatformPauses {

  private final RunnerSettings settings;
  private final Map<Platform, Instant> until = new EnumMap<>(Platform.class);
  private final Map<Platform, Integer> streak = new EnumMap<>(Platform.class);
  private final Map<Platform, Instant> since = new EnumMap<>(Platform.class);
  private final Map<Platform, Instant> lastThrottle = new EnumMap<>(Platform.class);
  private final Map<Platform, String> reason = new EnumMap<>(Platform.class);

  PlatformPauses(RunnerSettings settings) {
    this.settings = settings;
  }

  /**
   * Records a throttle and returns the end of the platform's pause, and whether this throttle
   * started it.
   */
  synchronized Pause throttled(Platform platform, Instant now, Duration asked, String message) {
    reason.put(platform, message);
    Instant current = until.get(platform);
    if (current != null && current.isAfter(now)) {
      return new Pause(current, false);
    }
    lastThrottle.put(platform, now);
    int throttles = streak.merge(platform, 1, Integer::sum);
    since.putIfAbsent(platform, now);
    Instant end = now.plus(pauseFor(asked, throttles));
    until.put(platform, end);
    return new Pause(end, true);
  }

  /**
   * The platform answered a request sent at {@code sentAt} normally: unless the request was sent
   * before the last throttle, whose pause it therefore says nothing about, the next throttle starts
   * the pauses over from the start.
   */
  synchronized void answered(Platform platform, Instant sentAt) {
    Instant throttled = lastThrottle.get(platform);
    if (throttled != null && !sentAt.isAfter(throttled)) {
      return;
    }
    streak.remove(platform);
    since.remove(platform);
    reason.remove(platform);
  }

  /** What the platform answered when it last throttled us; empty if it never did. */
  synchronized String lastReason(Platform platform) {
    return reason.getOrDefault(platform, "");
  }

  /** When the platform's throttles began, if it has not answered normally since. */
  synchronized Optional<Instant> throttledSince(Platform platform) {
    return Optional.ofNullable(since.get(platform));
  }

  private Duration pauseFor(Duration asked, int throttles) {
    Duration pause =
        asked.compareTo(settings.minRateLimitPause()) < 0 ? settings.minRateLimitPause() : asked;
    for (int i = 1; i < throttles && pause.compareTo(settings.maxRateLimitPause()) < 0; i++) {
      pause = pause.multipliedBy(2);
    }
    return pause.compareTo(settings.maxRateLimitPause()) > 0 ? settings.maxRateLimitPause() : pause;
  }

  /**
   * A platform's pause.
   *
   * @param until when requests may go out again
   * @param started whether the throttle just recorded started this pause
   */
  record Pause(Instant until, boolean started) {}
}
