package io.rescrape.core.service;

import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.RequestBudget;
import io.rescrape.core.port.PlatformGate;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A gate kept in this process: the budget and pauses are shared by this instance's workers only.
 * The default when no shared gate is configured, and the fallback of one that cannot be reached.
 *
 * <p>The budget is a sliding log: the send times of the requests of the last window. A budget of N
 * per window therefore never lets more than N requests out in any window, at its edges included.
 */
public final class LocalPlatformGate implements PlatformGate {

  private final Map<Platform, Deque<Instant>> sent = new EnumMap<>(Platform.class);
  private final Map<Platform, Instant> pausedUntil = new EnumMap<>(Platform.class);

  @Override
  public synchronized Permits reserve(
      Platform platform, RequestBudget budget, int wanted, Instant now) {
    Deque<Instant> log = sent.computeIfAbsent(platform, p -> new ArrayDeque<>());
    Instant windowStart = now.minus(budget.window());
    while (!log.isEmpty() && !log.peekFirst().isAfter(windowStart)) {
      log.pollFirst();
    }
    int granted = Math.max(0, Math.min(wanted, budget.requests() - log.size()));
    for (int i = 0; i < granted; i++) {
      log.addLast(now);
    }
    Instant nextAt = log.size() >= budget.requests() ? log.peekFirst().plus(budget.window()) : null;
    return new Permits(granted, nextAt);
  }

  @Override
  public synchronized void refund(Platform platform, int unused) {
    Deque<Instant> log = sent.get(platform);
    for (int i = 0; i < unused && log != null && !log.isEmpty(); i++) {
      log.pollLast();
    }
  }

  @Override
  public synchronized void pause(Platform platform, Instant until) {
    pausedUntil.merge(platform, until, (old, now) -> old.isAfter(now) ? old : now);
  }

  @Override
  public synchronized Optional<Instant> pausedUntil(Platform platform, Instant now) {
    Instant end = pausedUntil.get(platform);
    return end != null && end.isAfter(now) ? Optional.of(end) : Optional.empty();
  }
}
