package io.rescrape.scraper;

import static org.assertj.core.api.Assertions.assertThat;

import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.ScrapeOutcome;
import io.rescrape.core.domain.ScrapeResult;
import io.rescrape.core.port.ProfileScraper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The outcomes that both platforms' scrapers decide alike, from the HTTP exchange alone. */
class HttpScraperOutcomeTest {

  private static final Handle LENA = new Handle("lena.bakes");
  private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

  private final FixtureServer server = FixtureServer.start();

  @AfterEach
  void stopServer() {
    server.close();
  }

  @ParameterizedTest
  @EnumSource(Platform.class)
  void should_report_not_found_when_status_is_404(Platform platform) {
    server.answerEmpty(404, Map.of());

    ScrapeResult result = scraperFor(platform).scrape(LENA);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.NOT_FOUND);
  }

  @ParameterizedTest
  @EnumSource(Platform.class)
  void should_report_rate_limited_with_the_wait_when_retry_after_gives_seconds(Platform platform) {
    server.answerEmpty(429, Map.of("Retry-After", "120"));

    ScrapeResult result = scraperFor(platform).scrape(LENA);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.RATE_LIMITED);
    assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(120));
  }

  @ParameterizedTest
  @EnumSource(Platform.class)
  void should_report_rate_limited_with_the_wait_when_retry_after_gives_a_date(Platform platform) {
    server.answerEmpty(429, Map.of("Retry-After", "Mon, 02 Mar 2026 10:01:30 GMT"));

    ScrapeResult result = scraperFor(platform).scrape(LENA);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.RATE_LIMITED);
    assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(90));
  }

  @ParameterizedTest
  @EnumSource(Platform.class)
  void should_report_rate_limited_without_a_wait_when_retry_after_is_absent(Platform platform) {
    server.answerEmpty(429, Map.of());

    ScrapeResult result = scraperFor(platform).scrape(LENA);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.RATE_LIMITED);
    assertThat(result.retryAfter()).isNull();
  }

  @ParameterizedTest
  @CsvSource({"INSTAGRAM, instagram", "TIKTOK, tiktok"})
  void should_name_platform_handle_and_status_in_the_message(Platform platform, String id) {
    server.answerEmpty(429, Map.of());

    ScrapeResult result = scraperFor(platform).scrape(LENA);

    assertThat(result.message()).isEqualTo(id + " @lena.bakes: HTTP 429, rate limited");
  }

  @ParameterizedTest
  @CsvSource({
    "INSTAGRAM, https://www.instagram.com/accounts/login/?next=%2Flena.bakes%2F",
    "INSTAGRAM, /accounts/login/?next=%2Fapi%2Fv1%2Fusers%2Fweb_profile_info%2F",
    "TIKTOK, https://www.tiktok.com/login?redirect_url=https%3A%2F%2Fwww.tiktok.com%2F%40lena.bakes",
    "TIKTOK, /login?redirect_url=%2F%40lena.bakes"
  })
  void should_report_blocked_when_redirected_to_the_login_page(Platform platform, String location) {
    server.answerEmpty(302, Map.of("Location", location));

    ScrapeResult result = scraperFor(platform).scrape(LENA);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.BLOCKED);
    assertThat(result.message()).endsWith("HTTP 302, redirected to a login page");
  }

  @ParameterizedTest
  @CsvSource({"INSTAGRAM, 401", "INSTAGRAM, 403", "TIKTOK, 401", "TIKTOK, 403"})
  void should_report_blocked_when_access_is_denied(Platform platform, int status) {
    server.answerEmpty(status, Map.of());

    ScrapeResult result = scraperFor(platform).scrape(LENA);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.BLOCKED);
  }

  @ParameterizedTest
  @CsvSource({
    "INSTAGRAM, 401, instagram/login-required.json",
    "INSTAGRAM, 403, instagram/login-required.json",
    "INSTAGRAM, 401, instagram/too-many-requests.json",
    "TIKTOK, 401, tiktok/try-again-later.html",
    "TIKTOK, 403, tiktok/try-again-later.html"
  })
  void should_report_rate_limited_without_a_wait_when_a_denial_asks_to_wait_a_while(
      Platform platform, int status, String fixture) {
    server.answer(status, fixture);

    ScrapeResult result = scraperFor(platform).scrape(LENA);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.RATE_LIMITED);
    assertThat(result.retryAfter()).isNull();
  }

  @ParameterizedTest
  @CsvSource({
    "INSTAGRAM, 401, instagram/wait-minutes.json, 300",
    "TIKTOK, 403, tiktok/try-again-in-seconds.html, 30"
  })
  void should_take_the_wait_from_the_words_when_a_denial_names_one(
      Platform platform, int status, String fixture, long seconds) {
    server.answer(status, fixture);

    ScrapeResult result = scraperFor(platform).scrape(LENA);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.RATE_LIMITED);
    assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(seconds));
  }

  @ParameterizedTest
  @EnumSource(Platform.class)
  void should_prefer_retry_after_when_header_and_words_both_name_a_wait(Platform platform) {
    server.answer(401, "instagram/wait-minutes.json", Map.of("Retry-After", "120"));

    ScrapeResult result = scraperFor(platform).scrape(LENA);

    assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(120));
  }

  @ParameterizedTest
  @CsvSource({"INSTAGRAM, instagram", "TIKTOK, tiktok"})
  void should_quote_the_words_that_asked_to_wait_in_the_message(Platform platform, String id) {
    server.answer(401, "instagram/login-required.json");

    ScrapeResult result = scraperFor(platform).scrape(LENA);

    assertThat(result.message())
        .isEqualTo(id + " @lena.bakes: HTTP 401, rate limited: \"wait a few minutes\"");
  }

  @ParameterizedTest
  @CsvSource({
    "INSTAGRAM, 401, instagram/login-required-plain.json",
    "INSTAGRAM, 403, instagram/checkpoint-required.json",
    "TIKTOK, 403, tiktok/captcha.html"
  })
  void should_report_blocked_when_a_denial_does_not_ask_to_wait(
      Platform platform, int status, String fixture) {
    server.answer(status, fixture);

    ScrapeResult result = scraperFor(platform).scrape(LENA);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.BLOCKED);
    assertThat(result.message()).endsWith("HTTP " + status + ", access denied");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "INSTAGRAM | instagram/useragent-mismatch.json"
            + " | instagram @lena.bakes: HTTP 429, the platform rejects our user agent:"
            + " \"useragent mismatch\"",
        "INSTAGRAM | instagram/app-id-invalid.json"
            + " | instagram @lena.bakes: HTTP 429, the platform rejects our app id"
            + " (the X-IG-App-ID header): \"Invalid app id\"",
        "INSTAGRAM | instagram/invalid-headers.json"
            + " | instagram @lena.bakes: HTTP 429, the platform rejects our request headers:"
            + " \"Invalid request headers\"",
        "TIKTOK | tiktok/unsupported-browser.html"
            + " | tiktok @lena.bakes: HTTP 429, the platform rejects our client"
            + " (user agent or headers): \"Unsupported browser\""
      })
  void should_report_misconfigured_naming_the_complaint_when_a_429_blames_our_client(
      Platform platform, String fixture, String message) {
    server.answer(429, fixture, Map.of("Retry-After", "120"));

    ScrapeResult result = scraperFor(platform).scrape(LENA);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.MISCONFIGURED);
    assertThat(result.message()).isEqualTo(message);
  }

  @ParameterizedTest
  @CsvSource({"INSTAGRAM, instagram/too-many-requests.json", "TIKTOK, tiktok/captcha.html"})
  void should_report_rate_limited_with_retry_after_when_a_429_body_does_not_blame_our_client(
      Platform platform, String fixture) {
    server.answer(429, fixture, Map.of("Retry-After", "120"));

    ScrapeResult result = scraperFor(platform).scrape(LENA);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.RATE_LIMITED);
    assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(120));
  }

  @ParameterizedTest
  @CsvSource({"429, RATE_LIMITED", "403, BLOCKED"})
  void should_ignore_words_in_scripts_and_styles_when_a_refusal_is_a_page(
      int status, ScrapeOutcome expected) {
    server.answer(status, "tiktok/captcha-with-translations.html");

    ScrapeResult result = scraperFor(Platform.TIKTOK).scrape(LENA);

    assertThat(result.outcome()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"INSTAGRAM, 503", "TIKTOK, 503"})
  void should_report_transient_when_a_server_error_asks_to_try_again_later(
      Platform platform, int status) {
    server.answer(status, "tiktok/try-again-later.html");

    ScrapeResult result = scraperFor(platform).scrape(LENA);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.TRANSIENT);
  }

  @ParameterizedTest
  @CsvSource({"INSTAGRAM, 500", "INSTAGRAM, 503", "TIKTOK, 500", "TIKTOK, 503"})
  void should_report_transient_when_server_errors(Platform platform, int status) {
    server.answerEmpty(status, Map.of());

    ScrapeResult result = scraperFor(platform).scrape(LENA);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.TRANSIENT);
  }

  @ParameterizedTest
  @EnumSource(Platform.class)
  void should_report_transient_when_server_does_not_answer_in_time(Platform platform) {
    server.hang();
    ProfileScraper scraper =
        scraperFor(platform, settings(server.baseUri()).requestTimeout(Duration.ofMillis(200)));

    ScrapeResult result = scraper.scrape(LENA);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.TRANSIENT);
    assertThat(result.message()).endsWith("no answer within 200 ms");
  }

  @ParameterizedTest
  @EnumSource(Platform.class)
  void should_report_transient_when_connection_is_refused(Platform platform) throws IOException {
    ProfileScraper scraper = scraperFor(platform, settings(closedPortUri()));

    ScrapeResult result = scraper.scrape(LENA);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.TRANSIENT);
    assertThat(result.message()).contains("could not connect");
  }

  @ParameterizedTest
  @EnumSource(Platform.class)
  void should_report_transient_and_keep_the_interrupt_when_thread_is_interrupted(
      Platform platform) {
    server.answerEmpty(200, Map.of());
    ProfileScraper scraper = scraperFor(platform);
    Thread.currentThread().interrupt();

    ScrapeResult result = scraper.scrape(LENA);

    assertThat(Thread.interrupted()).isTrue();
    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.TRANSIENT);
  }

  private ProfileScraper scraperFor(Platform platform) {
    return scraperFor(platform, settings(server.baseUri()));
  }

  private static HttpScraperSettings.Builder settings(URI baseUri) {
    return HttpScraperSettings.builder(baseUri)
        .requestTimeout(Duration.ofSeconds(5))
        .clock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static ProfileScraper scraperFor(
      Platform platform, HttpScraperSettings.Builder settings) {
    return switch (platform) {
      case INSTAGRAM -> new HttpInstagramScraper(settings.build());
      case TIKTOK -> new HttpTikTokScraper(settings.build());
    };
  }

  /** A loopback URI on a port that was free a moment ago, so nothing accepts connections. */
  private static URI closedPortUri() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
  }
}
