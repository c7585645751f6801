package io.rescrape.scraper;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.Profile;
import io.rescrape.core.domain.ProfileStats;
import io.rescrape.core.domain.RequestBudget;
import io.rescrape.core.domain.ScrapeOutcome;
import io.rescrape.core.domain.ScrapeResult;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpInstagramScraperTest {

  private static final Handle LENA = new Handle("lena.bakes");

  private final FixtureServer server = FixtureServer.start();
  private final HttpInstagramScraper scraper =
      new HttpInstagramScraper(HttpScraperSettings.builder(server.baseUri()).build());

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void should_read_the_profile_when_counts_are_nested() {
    server.answer(200, "instagram/profile-nested.json");

    ScrapeResult result = scraper.scrape(LENA);

    assertThat(result.profile())
        .isEqualTo(
            new Profile(
                "48151623420",
                "Lena | Sourdough & Sweets",
                "Home baker. New loaf every Sunday.\nRecipes below",
                true,
                false,
                new ProfileStats(48_213L, 312L, 587L, null)));
    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.OK);
  }

  @Test
  void should_read_the_profile_when_counts_are_flat() {
    server.answer(200, "instagram/profile-flat.json");

    ScrapeResult result = scraper.scrape(new Handle("kofi_codes"));

    assertThat(result.profile())
        .isEqualTo(
            new Profile(
                "7320011",
                "Kofi writes code",
                "",
                false,
                false,
                new ProfileStats(1_203L, 88L, 0L, null)));
    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.OK);
  }

  @Test
  void should_read_approximate_counts_when_counts_are_abbreviated_text() {
    server.answer(200, "instagram/counts-abbreviated.json");

    ScrapeResult result = scraper.scrape(LENA);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.OK);
    assertThat(result.profile().stats())
        .isEqualTo(new ProfileStats(1_200_000L, 1_312L, 587L, null, true));
  }

  @Test
  void should_read_exact_counts_when_counts_are_text_with_thousands_separators() {
    server.answer(200, "instagram/counts-with-separators.json");

    ScrapeResult result = scraper.scrape(new Handle("kofi_codes"));

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.OK);
    assertThat(result.profile().stats())
        .isEqualTo(new ProfileStats(12_345L, 999L, 0L, null, false));
  }

  @Test
  void should_keep_counts_unknown_when_they_are_blank_or_null() {
    server.answer(200, "instagram/count-blank.json");

    ScrapeResult result = scraper.scrape(new Handle("kofi_codes"));

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.OK);
    assertThat(result.profile().stats()).isEqualTo(new ProfileStats(1_203L, null, null, null));
  }

  @Test
  void should_ask_the_profile_endpoint_below_the_base_path_when_scraping() {
    server.answer(200, "instagram/profile-nested.json");

    scraper.scrape(LENA);

    assertThat(server.lastRequest())
        .hasToString("/platform/api/v1/users/web_profile_info/?username=lena.bakes");
  }

  @Test
  void should_url_encode_the_handle_when_it_holds_reserved_characters() {
    server.answer(200, "instagram/profile-nested.json");

    scraper.scrape(new Handle("lena bakes&admin=1/#"));

    assertThat(server.lastRequest().getRawQuery())
        .isEqualTo("username=lena%20bakes%26admin%3D1%2F%23");
  }

  @Test
  void should_send_the_default_headers_when_none_is_configured() {
    server.answer(200, "instagram/profile-nested.json");

    scraper.scrape(LENA);

    assertThat(server.lastHeaders())
        .containsEntry("user-agent", "Rescrape")
        .containsEntry("accept", "application/json")
        .containsEntry("accept-language", "en-US,en;q=0.9")
        .containsEntry("x-ig-app-id", "936619743392459");
  }

  @Test
  void should_send_the_configured_header_instead_of_the_default_when_names_differ_in_case() {
    server.answer(200, "instagram/profile-nested.json");
    HttpInstagramScraper configured =
        new HttpInstagramScraper(
            HttpScraperSettings.builder(server.baseUri()).header("x-ig-app-id", "5678").build());

    configured.scrape(LENA);

    assertThat(server.lastHeaders()).containsEntry("x-ig-app-id", "5678");
  }

  @Test
  void should_send_user_agent_and_extra_headers_when_configured() {
    server.answer(200, "instagram/profile-nested.json");
    HttpInstagramScraper configured =
        new HttpInstagramScraper(
            HttpScraperSettings.builder(server.baseUri())
                .userAgent("rescrape-test/1")
                .header("X-IG-App-ID", "1234")
                .build());

    configured.scrape(LENA);

    assertThat(server.lastHeaders())
        .containsEntry("user-agent", "rescrape-test/1")
        .containsEntry("x-ig-app-id", "1234")
        .containsEntry("accept", "application/json");
  }

  @Test
  void should_not_ask_a_plain_http_server_to_upgrade_the_protocol() {
    server.answer(200, "instagram/profile-nested.json");

    scraper.scrape(LENA);

    assertThat(server.lastHeaders()).doesNotContainKeys("upgrade", "http2-settings");
  }

  @Test
  void should_send_through_the_shared_client_when_one_is_given() {
    server.answer(200, "instagram/profile-nested.json");
    AtomicInteger tasks = new AtomicInteger();
    Executor counting = task -> new Thread(() -> countAndRun(tasks, task)).start();
    HttpClient shared = HttpClient.newBuilder().executor(counting).build();
    HttpInstagramScraper sharing =
        new HttpInstagramScraper(
            HttpScraperSettings.builder(server.baseUri()).httpClient(shared).build());

    sharing.scrape(LENA);

    assertThat(tasks).hasPositiveValue();
  }

  @Test
  void should_report_private_with_counts_as_given_when_account_is_private() {
    server.answer(200, "instagram/profile-private.json");

    ScrapeResult result = scraper.scrape(new Handle("quiet.garden"));

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.PRIVATE);
    assertThat(result.profile())
        .isEqualTo(
            new Profile(
                "5550123",
                "Quiet Garden",
                "friends only",
                false,
                true,
                new ProfileStats(214L, 199L, 73L, null)));
  }

  @Test
  void should_report_private_with_unknown_counts_when_a_private_account_shows_none() {
    server.answer(200, "instagram/profile-private-no-counts.json");

    ScrapeResult result = scraper.scrape(new Handle("quiet.garden"));

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.PRIVATE);
    assertThat(result.profile().stats()).isEqualTo(ProfileStats.UNKNOWN);
  }

  @Test
  void should_report_not_found_when_user_is_null() {
    server.answer(200, "instagram/user-null.json");

    ScrapeResult result = scraper.scrape(LENA);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.NOT_FOUND);
    assertThat(result.message()).isEqualTo("instagram @lena.bakes: HTTP 200, no such account");
  }

  @ParameterizedTest
  @CsvSource({"200, instagram/deleted-account.json", "404, instagram/deleted-account.json"})
  void should_report_not_found_without_an_error_when_the_user_object_is_empty(
      int status, String fixture) {
    server.answer(status, fixture);

    ScrapeResult result;
    List<String> errors;
    try (CapturedLogs logs = CapturedLogs.start()) {
      result = scraper.scrape(LENA);
      errors = logs.atLeast(Level.ERROR);
    }

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.NOT_FOUND);
    assertThat(result.message())
        .isEqualTo("instagram @lena.bakes: HTTP " + status + ", no such account");
    assertThat(errors).isEmpty();
  }

  @Test
  void should_report_rate_limited_when_user_is_null_with_errors() {
    server.answer(200, "instagram/user-null-with-errors.json");

    ScrapeResult result = scraper.scrape(LENA);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.RATE_LIMITED);
    assertThat(result.retryAfter()).isNull();
    assertThat(result.message())
        .isEqualTo(
            "instagram @lena.bakes: HTTP 200, rate limited: platform error \"execution error\"");
  }

  @Test
  void should_report_rate_limited_when_data_is_null_with_errors() {
    server.answer(200, "instagram/data-null-with-errors.json");

    ScrapeResult result = scraper.scrape(LENA);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.RATE_LIMITED);
    assertThat(result.retryAfter()).isNull();
  }

  @Test
  void should_report_rate_limited_when_a_login_refusal_asks_to_wait() {
    server.answer(200, "instagram/login-required.json");

    ScrapeResult result = scraper.scrape(LENA);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.RATE_LIMITED);
    assertThat(result.retryAfter()).isNull();
    assertThat(result.message())
        .isEqualTo("instagram @lena.bakes: HTTP 200, rate limited: \"wait a few minutes\"");
  }

  @Test
  void should_report_blocked_when_login_is_required_without_asking_to_wait() {
    server.answer(200, "instagram/login-required-plain.json");

    ScrapeResult result = scraper.scrape(LENA);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.BLOCKED);
    assertThat(result.message())
        .isEqualTo("instagram @lena.bakes: HTTP 200, refused: login_required");
  }

  @Test
  void should_report_blocked_when_a_challenge_is_required() {
    server.answer(200, "instagram/checkpoint-required.json");

    ScrapeResult result = scraper.scrape(LENA);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.BLOCKED);
  }

  @Test
  void should_report_blocked_when_answer_is_an_html_login_page() {
    server.answer(200, "instagram/login-page.html");

    ScrapeResult result = scraper.scrape(LENA);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.BLOCKED);
  }

  @Test
  void should_report_structure_changed_when_user_key_is_missing() {
    server.answer(200, "instagram/no-user-key.json");

    ScrapeResult result = scraper.scrape(LENA);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.STRUCTURE_CHANGED);
    assertThat(result.message()).isEqualTo("instagram @lena.bakes: HTTP 200, no data.user object");
  }

  @Test
  void should_report_structure_changed_when_data_is_missing() {
    server.answer(200, "instagram/no-data.json");

    ScrapeResult result = scraper.scrape(LENA);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.STRUCTURE_CHANGED);
  }

  @Test
  void should_report_structure_changed_when_follower_count_is_missing() {
    server.answer(200, "instagram/no-follower-count.json");

    ScrapeResult result = scraper.scrape(LENA);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.STRUCTURE_CHANGED);
  }

  @Test
  void should_report_structure_changed_when_a_count_is_not_a_number() {
    server.answer(200, "instagram/count-not-a-number.json");

    ScrapeResult result = scraper.scrape(LENA);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.STRUCTURE_CHANGED);
    assertThat(result.message())
        .isEqualTo(
            "instagram @lena.bakes: HTTP 200, edge_followed_by.count is not a count: \"lots\"");
  }

  @Test
  void should_report_structure_changed_when_a_count_is_negative() {
    server.answer(200, "instagram/count-negative.json");

    ScrapeResult result = scraper.scrape(LENA);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.STRUCTURE_CHANGED);
    assertThat(result.message())
        .isEqualTo("instagram @lena.bakes: HTTP 200, edge_followed_by.count is negative: -5");
  }

  @Test
  void should_report_structure_changed_when_body_is_garbage() {
    server.answer(200, "garbage.txt");

    ScrapeResult result = scraper.scrape(LENA);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.STRUCTURE_CHANGED);
  }

  @Test
  void should_budget_200_requests_an_hour_by_default() {
    RequestBudget budget = HttpInstagramScraper.DEFAULT_BUDGET;

    assertThat(budget).isEqualTo(new RequestBudget(200, Duration.ofHours(1)));
  }

  private static void countAndRun(AtomicInteger tasks, Runnable task) {
    tasks.incrementAndGet();
    task.run();
  }

  @Test
  void should_not_take_an_answer_for_another_account_as_this_one() {
    server.answer(200, "instagram/profile-nested.json");

    ScrapeResult result = scraper.scrape(new Handle("nina.knits"));

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.TRANSIENT);
    assertThat(result.profile()).isNull();
    assertThat(result.message()).endsWith("the answer is for another account, @lena.bakes");
  }
}
