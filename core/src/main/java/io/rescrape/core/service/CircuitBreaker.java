package io.rescrape.core.service;

import io.rescrape.core.domain.PlatformStatus.Circuit;
import io.rescrape.core.domain.ScrapeOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/**
 * One platform's circuit breaker. It watches the last {@code window} answers; when at least half
 * the window has answered and the share of blocks and changed pages among them reaches the
 * configured ratio, it opens for a cooldown that doubles with each reopening. After the cooldown it
 * lets one request at a time through: a block or changed page opens it again, any other answer
 * closes it. Not thread-safe; {@link PlatformGuard} serialises access.
 */
final class CircuitBreaker {

  private final int window;
  private final double failureRatio;
  private final Duration cooldown;
  private final Duration maxCooldown;

  private final Deque<Answer> answers = new ArrayDeque<>();
  private Circuit circuit = Circuit.CLOSED;
  private @Nullable Instant failingSince;
  private @Nullable Instant openUntil;
  private String reason = "";
  private int openings;

  CircuitBreaker(RunnerSettings settings) {
    this.window = settings.breakerWindow();
    this.failureRatio = settings.breakerFailureRatio();
    this.cooldown = settings.breakerCooldown();
    this.maxCooldown = settings.maxRateLimitPause();
  }

  /** Whether this outcome counts against the platform: a block or a page we cannot read. */
  static boolean isFailing(ScrapeOutcome outcome) {
    return outcome == ScrapeOutcome.BLOCKED || outcome == ScrapeOutcome.STRUCTURE_CHANGED;
  }

  /**
   * Records an answer.
   *
   * @return the change of state it caused, if any
   */
  Change record(ScrapeOutcome outcome, String message, Instant at) {
    boolean failing = isFailing(outcome);
    switch (circuit) {
      case OPEN -> {
        return Change.NONE; // answers to requests sent before it opened
      }
      case HALF_OPEN -> {
        return failing ? open(at, message, at) : close();
      }
      default -> {
        answers.addLast(new Answer(failing, at));
        if (answers.size() > window) {
          answers.pollFirst();
        }
        return tripped() ? open(at, message, firstFailure()) : Change.NONE;
      }
    }
  }

  /**
   * Opens the circuit at once, whatever the window holds, as for a configuration alert.
   *
   * @return {@link Change#OPENED}, or {@link Change#NONE} when it was open already
   */
  Change openNow(String message, Instant at) {
    return circuit == Circuit.OPEN ? Change.NONE : open(at, message, at);
  }

  /** The state at {@code now}; an open circuit whose cooldown is over turns half-open. */
  Circuit circuitAt(Instant now) {
    if (circuit == Circuit.OPEN && openUntil != null && !now.isBefore(openUntil)) {
      circuit = Circuit.HALF_OPEN;
    }
    return circuit;
  }

  @Nullable Instant failingSince() {
    return failingSince;
  }

  @Nullable Instant openUntil() {
    return openUntil;
  }

  String reason() {
    return reason;
  }

  int failuresInWindow() {
    return (int) answers.stream().filter(Answer::failing).count();
  }

  int answersInWindow() {
    return answers.size();
  }

  private boolean tripped() {
    int failures = failuresInWindow();
    boolean enoughAnswers = answers.size() * 2 >= window;
    return enoughAnswers && failures >= Math.ceil(failureRatio * answers.size());
  }

  private Instant firstFailure() {
    return answers.stream().filter(Answer::failing).map(Answer::at).findFirst().orElseThrow();
  }

  private Change open(Instant at, String message, Instant since) {
    openings++;
    Duration wait = cooldown;
    for (int i = 1; i < openings && wait.compareTo(maxCooldown) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    wait = wait.compareTo(maxCooldown) > 0 ? maxCooldown : wait;
    boolean reopening = circuit == Circuit.HALF_OPEN;
    circuit = Circuit.OPEN;
    failingSince = reopening && failingSince != null ? failingSince : since;
    openUntil = at.plus(wait);
    reason = message;
    answers.clear();
    return reopening ? Change.REOPENED : Change.OPENED;
  }

  private Change close() {
    circuit = Circuit.CLOSED;
    failingSince = null;
    openUntil = null;
    reason = "";
    openings = 0;
    answers.clear();
    return Change.CLOSED;
  }

  /** What an answer did to the circuit. */
  enum Change {
    NONE,
    OPENED,
    REOPENED,
    CLOSED
  }

  private record Answer(boolean failing, Instant at) {}
}
