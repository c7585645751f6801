package io.rescrape.scraper;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void should_read_seconds_when_header_is_a_number() {
    Duration wait = RetryAfter.parse(" 45 ", CLOCK);

    assertThat(wait).isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void should_measure_from_the_clock_when_header_is_a_date() {
    Duration wait = RetryAfter.parse("Mon, 02 Mar 2026 11:00:00 GMT", CLOCK);

    assertThat(wait).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void should_not_wait_when_the_date_has_passed() {
    Duration wait = RetryAfter.parse("Sun, 01 Mar 2026 10:00:00 GMT", CLOCK);

    assertThat(wait).isEqualTo(Duration.ZERO);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"soon", "-5", "1.5", "02 Mar 2026"})
  void should_give_no_wait_when_header_is_absent_or_unreadable(String header) {
    Duration wait = RetryAfter.parse(header, CLOCK);

    assertThat(wait).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1000000", "360000000", "12345678901234567890"})
  void should_read_an_absurdly_long_wait_as_the_longest_one_so_the_runner_caps_it(String header) {
    Duration wait = RetryAfter.parse(header, CLOCK);

    assertThat(wait).isEqualTo(Duration.ofSeconds(999_999));
  }
}
