package io.rescrape.scraper;

import static org.assertj.core.api.Assertions.assertThat;

import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.ScrapeOutcome;
import io.rescrape.core.domain.ScrapeResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RefusalWordsTest {

  private static final Lookup LENA = new Lookup(Platform.INSTAGRAM, new Handle("lena.bakes"));

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Please wait 2 minutes before you try again. | PT2M",
        "please WAIT 90 seconds                      | PT1M30S",
        "Wait for 1 hour                             | PT1H",
        "Try again in 45 sec.                        | PT45S",
        "try again after 10m                         | PT10M"
      })
  void should_read_the_wait_when_the_words_name_one(String text, Duration expected) {
    ScrapeResult result = RefusalWords.outcome(LENA, 401, text, null);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.RATE_LIMITED);
    assertThat(result.retryAfter()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Please wait a few minutes before you try again.",
        "Wait a couple of minutes",
        "Something went wrong. Try again later.",
        "Too many requests"
      })
  void should_report_a_throttle_without_a_wait_when_the_words_name_none(String text) {
    ScrapeResult result = RefusalWords.outcome(LENA, 403, text, null);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.RATE_LIMITED);
    assertThat(result.retryAfter()).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "Please wait while we check your browser",
        "login_required",
        "checkpoint_required",
        "Sorry, this page isn't available.",
        "wait a few moments"
      })
  void should_say_nothing_when_the_words_neither_ask_to_wait_nor_blame_our_client(String text) {
    ScrapeResult result = RefusalWords.outcome(LENA, 401, text, null);

    assertThat(result).isNull();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "useragent mismatch                 | user agent",
        "User-Agent not allowed             | user agent",
        "X-IG-App-ID header is missing      | app id (the X-IG-App-ID header)",
        "invalid appid                      | app id (the X-IG-App-ID header)",
        "Your browser is not supported.            | client (user agent or headers)",
        "missing required headers           | request headers"
      })
  void should_blame_our_client_when_the_words_complain_about_it(String text, String what) {
    ScrapeResult result = RefusalWords.outcome(LENA, 429, text, null);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.MISCONFIGURED);
    assertThat(result.message())
        .startsWith("instagram @lena.bakes: HTTP 429, the platform rejects our " + what + ": ");
  }

  @Test
  void should_blame_our_client_first_when_the_words_also_ask_to_wait() {
    ScrapeResult result =
        RefusalWords.outcome(LENA, 429, "useragent mismatch, try again later", null);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.MISCONFIGURED);
  }
}
