package io.rescrape.core.service;

import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.PlatformStatus;
import io.rescrape.core.domain.PlatformStatus.Circuit;
import io.rescrape.core.domain.RequestBudget;
import io.rescrape.core.domain.ScrapeOutcome;
import io.rescrape.core.domain.ScrapeResult;
import io.rescrape.core.event.CircuitClosed;
import io.rescrape.core.event.CircuitOpened;
import io.rescrape.core.event.PlatformPaused;
import io.rescrape.core.port.PlatformGate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLongArray;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every platform's requests within what the platform tolerates: its request budget, its pause
 * after a throttle, and its circuit breaker. Workers ask it before they claim items and tell it
 * every answer. The budget and the pauses live in the {@link PlatformGate}, so a shared gate
 * spreads them over every instance; the circuit breakers are this instance's own. Thread-safe.
 */
final class PlatformGuard {

  private static final Logger log = LoggerFactory.getLogger(PlatformGuard.class);

  private final PlatformGate gate;
  private final PlatformPauses throttles;
  private final RunnerSettings settings;
  private final Events events;
  private final Map<Platform, CircuitBreaker> breakers = new EnumMap<>(Platform.class);
  private final AtomicLongArray troubles = new AtomicLongArray(Platform.values().length);
  private final Map<Platform, RequestBudget> budgets = new EnumMap<>(Platform.class);
  private final Set<Platform> budgetWaits = EnumSet.noneOf(Platform.class);

  /**
   * @param scraperBudgets the budget each platform's scraper brings, where the settings name none
   */
  PlatformGuard(
      PlatformGate gate,
      RunnerSettings settings,
      Map<Platform, RequestBudget> scraperBudgets,
      Events events) {
    this.gate = gate;
    scraperBudgets.forEach(budgets::put);
    budgets.putAll(settings.budgets());
    settings.unlimited().forEach(budgets::remove);
    this.throttles = new PlatformPauses(settings);
    this.settings = settings;
    this.events = events;
    for (Platform platform : Platform.values()) {
      breakers.put(platform, new CircuitBreaker(settings));
    }
  }

  /**
   * How many of {@code wanted} requests may go to the platform now.
   *
   * @param inFlight this worker lane's requests still waiting for their answer
   */
  Clearance clear(Platform platform, int wanted, int inFlight, Instant now) {
    Optional<Instant> paused = gate.pausedUntil(platform, now);
    if (paused.isPresent()) {
      return Clearance.waitUntil(paused.get(), true);
    }
    int allowed = wanted;
    Circuit circuit = circuitAt(platform, now);
    if (circuit == Circuit.OPEN) {
      return Clearance.waitUntil(openUntil(platform, now), true);
    }
    if (circuit == Circuit.HALF_OPEN) {
      // One trial request at a time: its answer decides whether the circuit closes.
      allowed = inFlight == 0 ? 1 : 0;
      if (allowed == 0) {
        return Clearance.waitUntil(now.plus(settings.idlePoll()), false);
      }
    }
    RequestBudget budget = budgets.get(platform);
    if (budget == null) {
      return Clearance.granted(allowed);
    }
    PlatformGate.Permits permits = gate.reserve(platform, budget, allowed, now);
    if (permits.none()) {
      Instant next = permits.nextAt() != null ? permits.nextAt() : now.plus(settings.idlePoll());
      noteBudgetSpent(platform, budget, next);
      return Clearance.waitUntil(next, false);
    }
    budgetAvailable(platform);
    return Clearance.granted(permits.granted());
  }

  /** Says once per wait that the budget holds the platform back, so the pace is not a mystery. */
  private synchronized void noteBudgetSpent(Platform platform, RequestBudget budget, Instant next) {
    if (budgetWaits.add(platform)) {
      log.info(
          "{} request budget {} is spent; the next {} request goes out at {}",
          platform,
          budget,
          platform,
          next);
    }
  }

  private synchronized void budgetAvailable(Platform platform) {
    budgetWaits.remove(platform);
  }

  /**
   * {@return how many times this instance has seen the platform get into trouble: a throttle that
   * paused it, or its circuit opening} A lane compares it with the count at its last clearance, to
   * hold back requests it was cleared for once the platform turned them away. Cheap: no gate round
   * trip.
   */
  long troubles(Platform platform) {
    return troubles.get(platform.ordinal());
  }

  /** Gives back requests that were cleared but will not be sent. */
  void unused(Platform platform, int unused) {
    if (unused > 0 && budgets.containsKey(platform)) {
      gate.refund(platform, unused);
    }
  }

  /**
   * Takes note of an answer.
   *
   * @param sentAt when the request went out
   * @param at when its answer came
   * @return when the platform may be asked again, for an answer that pauses it; null otherwise
   */
  @Nullable Instant answered(Platform platform, ScrapeResult result, Instant sentAt, Instant at) {
    ScrapeOutcome outcome = result.outcome();
    if (outcome == ScrapeOutcome.RATE_LIMITED) {
      return throttled(platform, result, at);
    }
    if (outcome == ScrapeOutcome.MISCONFIGURED) {
      return rejectedClient(platform, result, at);
    }
    throttles.answered(platform, sentAt);
    CircuitBreaker.Change change;
    synchronized (this) {
      change = breakers.get(platform).record(outcome, result.message(), at);
    }
    reportChange(platform, change, at);
    return null;
  }

  /**
   * {@return since when the platform has been refusing us: its first throttle, or the first failing
   * answer of its open circuit, with no normal answer since; empty when it answers}
   */
  Optional<Instant> troubledSince(Platform platform) {
    Optional<Instant> throttled = throttles.throttledSince(platform);
    Instant failing;
    synchronized (this) {
      failing = breakers.get(platform).failingSince(); // null while the circuit is closed
    }
    if (failing == null) {
      return throttled;
    }
    return Optional.of(throttled.filter(t -> t.isBefore(failing)).orElse(failing));
  }

  /** {@return the budget that paces the platform, if any} */
  Optional<RequestBudget> budgetOf(Platform platform) {
    return Optional.ofNullable(budgets.get(platform));
  }

  /** {@return each platform's state at {@code now}, in platform order} */
  List<PlatformStatus> statuses(Instant now) {
    List<PlatformStatus> statuses = new ArrayList<>();
    for (Platform platform : Platform.values()) {
      statuses.add(status(platform, now));
    }
    return statuses;
  }

  private PlatformStatus status(Platform platform, Instant now) {
    Instant paused = gate.pausedUntil(platform, now).orElse(null);
    synchronized (this) {
      CircuitBreaker breaker = breakers.get(platform);
      Circuit circuit = breaker.circuitAt(now);
      if (paused == null && circuit == Circuit.OPEN) {
        paused = breaker.openUntil();
      }
      String reason = circuit != Circuit.CLOSED ? breaker.reason() : pauseReason(platform, paused);
      return new PlatformStatus(platform, circuit, breaker.failingSince(), paused, reason);
    }
  }

  private String pauseReason(Platform platform, @Nullable Instant paused) {
    if (paused == null) {
      return "";
    }
    String throttle = throttles.lastReason(platform);
    return throttle.isEmpty() ? "paused by another instance through the shared gate" : throttle;
  }

  private Instant throttled(Platform platform, ScrapeResult result, Instant at) {
    Duration asked = result.retryAfter() != null ? result.retryAfter() : settings.rateLimitPause();
    PlatformPauses.Pause pause = throttles.throttled(platform, at, asked, result.message());
    if (pause.started()) {
      troubles.incrementAndGet(platform.ordinal());
      gate.pause(platform, pause.until());
      log.warn(
          "{} throttles us ({}); pausing every {} request until {} - its creators wait and lose"
              + " no attempt",
          platform,
          result.message(),
          platform,
          pause.until());
      events.publish(new PlatformPaused(at, platform, pause.until(), result.message()));
    }
    return pause.until();
  }

  private Instant rejectedClient(Platform platform, ScrapeResult result, Instant at) {
    CircuitBreaker.Change change;
    Instant until;
    synchronized (this) {
      CircuitBreaker breaker = breakers.get(platform);
      change = breaker.openNow(result.message(), at);
      until = breaker.openUntil();
    }
    if (change != CircuitBreaker.Change.NONE) {
      troubles.incrementAndGet(platform.ordinal());
      gate.pause(platform, until);
      log.error(
          "{} rejects our client's configuration ({}); no {} request goes out until {} - check"
              + " its headers, user agent, app id and proxy; its creators wait and lose no attempt",
          platform,
          result.message(),
          platform,
          until);
      events.publish(new CircuitOpened(at, platform, at, until, result.message()));
    }
    return until;
  }

  private void reportChange(Platform platform, CircuitBreaker.Change change, Instant at) {
    switch (change) {
      case OPENED -> opened(platform, at, true);
      case REOPENED -> opened(platform, at, false);
      case CLOSED -> {
        log.info("{} answers normally again; its circuit is closed and requests resume", platform);
        events.publish(new CircuitClosed(at, platform));
      }
      default -> {}
    }
  }

  private void opened(Platform platform, Instant at, boolean first) {
    Instant since;
    Instant until;
    String reason;
    synchronized (this) {
      CircuitBreaker breaker = breakers.get(platform);
      since = breaker.failingSince();
      until = breaker.openUntil();
      reason = breaker.reason();
    }
    troubles.incrementAndGet(platform.ordinal());
    gate.pause(platform, until);
    if (first) {
      log.error(
          "{} circuit open: most of its recent answers are blocks or pages the scraper cannot read,"
              + " since {} (last: {}); no {} request goes out until {}, then one at a time tests it"
              + " - its remaining creators wait",
          platform,
          since,
          reason,
          platform,
          until);
    } else {
      log.warn(
          "{} still fails (failing since {}; {}); its circuit stays open until {}",
          platform,
          since,
          reason,
          until);
    }
    events.publish(new CircuitOpened(at, platform, since, until, reason));
  }

  private synchronized Circuit circuitAt(Platform platform, Instant now) {
    return breakers.get(platform).circuitAt(now);
  }

  private synchronized Instant openUntil(Platform platform, Instant now) {
    Instant until = breakers.get(platform).openUntil();
    return until != null ? until : now.plus(settings.idlePoll());
  }

  /**
   * What a worker lane may do now.
   *
   * @param granted requests it may send now; 0 to wait
   * @param waitUntil when to ask again, when none was granted
   * @param paused whether the wait is a pause (a throttle or an open circuit) rather than a spent
   *     budget or a trial in flight; pauses count towards the job's pause deadline
   */
  record Clearance(int granted, @Nullable Instant waitUntil, boolean paused) {

    static Clearance granted(int granted) {
      return new Clearance(granted, null, false);
    }

    static Clearance waitUntil(Instant until, boolean paused) {
      return new Clearance(0, until, paused);
    }
  }
}
