package io.rescrape.core.service;

import io.rescrape.core.domain.Platform;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Platforms that throttled us and until when no worker may send them a request. */
final class PlatformPauses {

  private final Map<Platform, Instant> until = new ConcurrentHashMap<>();

  /** Extends the pause to {@code end}; returns whether this call lengthened it. */
  boolean pause(Platform platform, Instant end) {
    Instant before = until.get(platform);
    Instant after = until.merge(platform, end, (a, b) -> a.isAfter(b) ? a : b);
    return !after.equals(before);
  }

  /** The end of the platform's pause, if it is paused at {@code now}. */
  Optional<Instant> pausedUntil(Platform platform, Instant now) {
    Instant end = until.get(platform);
    return end != null && end.isAfter(now) ? Optional.of(end) : Optional.empty();
  }
}
