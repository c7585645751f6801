package io.rescrape.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.rescrape.core.domain.PlatformStatus.Circuit;
import io.rescrape.core.domain.ScrapeOutcome;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

  private static final Instant NINE = Instant.parse("2025-08-27T09:00:00Z");

  private final CircuitBreaker breaker =
      new CircuitBreaker(
          RunnerSettings.builder().breaker(10, 0.5).breakerCooldown(Duration.ofMinutes(2)).build());

  @Test
  void should_wait_for_half_the_window_before_judging() {
    for (int i = 0; i < 4; i++) {
      breaker.record(ScrapeOutcome.BLOCKED, "login wall", NINE.plusSeconds(i));
    }

    assertThat(breaker.circuitAt(NINE.plusSeconds(5))).isEqualTo(Circuit.CLOSED);
    assertThat(breaker.record(ScrapeOutcome.BLOCKED, "login wall", NINE.plusSeconds(5)))
        .isEqualTo(CircuitBreaker.Change.OPENED);
    assertThat(breaker.failingSince()).isEqualTo(NINE);
    assertThat(breaker.openUntil()).isEqualTo(NINE.plusSeconds(5).plus(Duration.ofMinutes(2)));
  }

  @Test
  void should_stay_closed_while_most_answers_are_fine() {
    for (int i = 0; i < 40; i++) {
      ScrapeOutcome outcome = i % 3 == 0 ? ScrapeOutcome.STRUCTURE_CHANGED : ScrapeOutcome.OK;
      breaker.record(outcome, "", NINE.plusSeconds(i));
    }

    assertThat(breaker.circuitAt(NINE.plusSeconds(40))).isEqualTo(Circuit.CLOSED);
  }

  @Test
  void should_not_count_throttles_missing_accounts_or_network_errors_against_the_platform() {
    for (int i = 0; i < 20; i++) {
      ScrapeOutcome outcome =
          switch (i % 3) {
            case 0 -> ScrapeOutcome.NOT_FOUND;
            case 1 -> ScrapeOutcome.TRANSIENT;
            default -> ScrapeOutcome.PRIVATE;
          };
      breaker.record(outcome, "", NINE.plusSeconds(i));
    }

    assertThat(breaker.circuitAt(NINE.plusSeconds(20))).isEqualTo(Circuit.CLOSED);
  }

  @Test
  void should_turn_half_open_after_the_cooldown_and_close_on_a_normal_answer() {
    breaker.openNow("useragent mismatch", NINE);

    Circuit during = breaker.circuitAt(NINE.plusSeconds(119));
    Circuit after = breaker.circuitAt(NINE.plusSeconds(120));
    CircuitBreaker.Change change = breaker.record(ScrapeOutcome.OK, "", NINE.plusSeconds(121));

    assertThat(during).isEqualTo(Circuit.OPEN);
    assertThat(after).isEqualTo(Circuit.HALF_OPEN);
    assertThat(change).isEqualTo(CircuitBreaker.Change.CLOSED);
    assertThat(breaker.failingSince()).isNull();
  }

  @Test
  void should_double_the_cooldown_up_to_the_longest_pause_while_trials_fail() {
    breaker.openNow("blocked", NINE);
    Instant now = NINE;
    Duration last = Duration.ZERO;

    for (int i = 0; i < 8; i++) {
      now = breaker.openUntil();
      breaker.circuitAt(now);
      breaker.record(ScrapeOutcome.BLOCKED, "blocked", now);
      last = Duration.between(now, breaker.openUntil());
    }

    assertThat(last).isEqualTo(RunnerSettings.defaults().maxRateLimitPause());
    assertThat(breaker.failingSince()).isEqualTo(NINE);
  }
}
