package io.rescrape.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rescrape.core.domain.InvalidInputException;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.RequestBudget;
import io.rescrape.core.port.PlatformGate.Permits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalPlatformGateTest {

  private static final Instant NINE = Instant.parse("2025-08-27T09:00:00Z");
  private static final RequestBudget TEN_PER_MINUTE = RequestBudget.parse("10/1m");

  private final LocalPlatformGate gate = new LocalPlatformGate();

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 2025})
  void should_never_grant_more_than_the_budget_in_any_window(long seed) {
    Random random = new Random(seed);
    List<Instant> sent = new ArrayList<>();
    Instant now = NINE;

    for (int step = 0; step < 2_000; step++) {
      now = now.plusMillis(random.nextInt(4_000));
      Permits permits =
          gate.reserve(Platform.INSTAGRAM, TEN_PER_MINUTE, 1 + random.nextInt(6), now);
      int unused = permits.granted() == 0 ? 0 : random.nextInt(permits.granted() + 1);
      gate.refund(Platform.INSTAGRAM, unused);
      for (int i = 0; i < permits.granted() - unused; i++) {
        sent.add(now);
      }
    }

    for (Instant start : sent) {
      Instant end = start.plus(TEN_PER_MINUTE.window());
      long inWindow = sent.stream().filter(t -> !t.isBefore(start) && t.isBefore(end)).count();
      assertThat(inWindow).as("requests in the minute from %s", start).isLessThanOrEqualTo(10);
    }
    assertThat(sent.size()).isGreaterThan(500);
  }

  @Test
  void should_say_when_the_next_request_may_go_once_the_budget_is_spent() {
    gate.reserve(Platform.TIKTOK, TEN_PER_MINUTE, 4, NINE);

    Permits permits = gate.reserve(Platform.TIKTOK, TEN_PER_MINUTE, 8, NINE.plusSeconds(10));

    assertThat(permits.granted()).isEqualTo(6);
    assertThat(permits.nextAt()).isEqualTo(NINE.plusSeconds(60));
  }

  @Test
  void should_grant_again_what_was_refunded() {
    gate.reserve(Platform.TIKTOK, TEN_PER_MINUTE, 10, NINE);
    gate.refund(Platform.TIKTOK, 3);

    Permits permits = gate.reserve(Platform.TIKTOK, TEN_PER_MINUTE, 5, NINE.plusSeconds(1));

    assertThat(permits.granted()).isEqualTo(3);
  }

  @Test
  void should_keep_budgets_of_platforms_apart() {
    gate.reserve(Platform.TIKTOK, TEN_PER_MINUTE, 10, NINE);

    Permits permits = gate.reserve(Platform.INSTAGRAM, TEN_PER_MINUTE, 10, NINE);

    assertThat(permits.granted()).isEqualTo(10);
  }

  @Test
  void should_keep_the_later_of_two_pauses() {
    gate.pause(Platform.INSTAGRAM, NINE.plusSeconds(90));
    gate.pause(Platform.INSTAGRAM, NINE.plusSeconds(30));

    assertThat(gate.pausedUntil(Platform.INSTAGRAM, NINE)).contains(NINE.plusSeconds(90));
    assertThat(gate.pausedUntil(Platform.INSTAGRAM, NINE.plusSeconds(90))).isEmpty();
    assertThat(gate.pausedUntil(Platform.TIKTOK, NINE)).isEmpty();
  }

  @Test
  void should_read_budgets_as_operators_write_them() {
    assertThat(RequestBudget.parse("60/1m"))
        .isEqualTo(new RequestBudget(60, Duration.ofMinutes(1)));
    assertThat(RequestBudget.parse(" 200 / h "))
        .isEqualTo(new RequestBudget(200, Duration.ofHours(1)));
    assertThat(RequestBudget.parse("5 per 10s"))
        .isEqualTo(new RequestBudget(5, Duration.ofSeconds(10)));
    assertThat(RequestBudget.parse("30/90s").toString()).isEqualTo("30/90s");
    assertThat(RequestBudget.parse("400/1h").toString()).isEqualTo("400/1h");
    assertThat(RequestBudget.parse("1000/1d"))
        .isEqualTo(new RequestBudget(1000, Duration.ofDays(1)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "60", "60/", "/1m", "0/1m", "10/0s", "10/2d", "ten/1m", "5/500ms", "-1/1m"})
  void should_refuse_a_budget_that_is_not_one(String text) {
    assertThatThrownBy(() -> RequestBudget.parse(text))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("request budget");
  }
}
