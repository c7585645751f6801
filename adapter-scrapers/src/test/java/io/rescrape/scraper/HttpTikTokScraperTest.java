package io.rescrape.scraper;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.Profile;
import io.rescrape.core.domain.ProfileStats;
import io.rescrape.core.domain.RequestBudget;
import io.rescrape.core.domain.ScrapeOutcome;
import io.rescrape.core.domain.ScrapeResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpTikTokScraperTest {

  private static final Handle MIRA = new Handle("mira.paints");

  private final FixtureServer server = FixtureServer.start();
  private final HttpTikTokScraper scraper =
      new HttpTikTokScraper(HttpScraperSettings.builder(server.baseUri()).build());

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void should_read_counts_from_stats_v2_when_both_stats_are_present() {
    server.answer(200, "tiktok/profile-statsv2.html");

    ScrapeResult result = scraper.scrape(MIRA);

    assertThat(result.profile())
        .isEqualTo(
            new Profile(
                "6912345678901234567",
                "Mira Paints",
                "watercolour every day 🎨",
                true,
                false,
                new ProfileStats(5_300_000_000L, 41L, 902L, 3_000_000_000L)));
    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.OK);
  }

  @Test
  void should_read_counts_from_stats_when_stats_v2_is_absent() {
    server.answer(200, "tiktok/profile-stats-only.html");

    ScrapeResult result = scraper.scrape(new Handle("kofi_codes"));

    assertThat(result.profile())
        .isEqualTo(
            new Profile(
                "7000111222333444555",
                "Kofi",
                "",
                false,
                false,
                new ProfileStats(15_320L, 210L, 64L, 402_118L)));
    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.OK);
  }

  @Test
  void should_read_approximate_counts_when_counts_are_abbreviated_text() {
    server.answer(200, "tiktok/counts-abbreviated.html");

    ScrapeResult result = scraper.scrape(MIRA);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.OK);
    assertThat(result.profile().stats())
        .isEqualTo(new ProfileStats(1_500_000_000L, 41L, 902L, 630_000L, true));
  }

  @Test
  void should_read_exact_counts_when_counts_are_text_with_thousands_separators() {
    server.answer(200, "tiktok/counts-with-separators.html");

    ScrapeResult result = scraper.scrape(new Handle("kofi_codes"));

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.OK);
    assertThat(result.profile().stats())
        .isEqualTo(new ProfileStats(15_320L, 210L, 64L, 402_118L, false));
  }

  @Test
  void should_keep_counts_unknown_when_they_are_blank_or_missing() {
    server.answer(200, "tiktok/count-missing.html");

    ScrapeResult result = scraper.scrape(new Handle("kofi_codes"));

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.OK);
    assertThat(result.profile().stats()).isEqualTo(new ProfileStats(15_320L, null, 64L, null));
  }

  @Test
  void should_ask_the_profile_page_below_the_base_path_when_scraping() {
    server.answer(200, "tiktok/profile-statsv2.html");

    scraper.scrape(MIRA);

    assertThat(server.lastRequest()).hasToString("/platform/@mira.paints");
  }

  @Test
  void should_url_encode_the_handle_when_it_holds_reserved_characters() {
    server.answer(200, "tiktok/profile-statsv2.html");

    scraper.scrape(new Handle("mira paints/../?x=1"));

    assertThat(server.lastRequest().getRawPath())
        .isEqualTo("/platform/@mira%20paints%2F..%2F%3Fx%3D1");
  }

  @Test
  void should_ask_for_an_english_html_page_when_scraping() {
    server.answer(200, "tiktok/profile-statsv2.html");

    scraper.scrape(MIRA);

    assertThat(server.lastHeaders())
        .containsEntry("accept", "text/html")
        .containsEntry("accept-language", "en-US,en;q=0.9");
  }

  @Test
  void should_send_the_configured_header_instead_of_the_default_when_one_is_given() {
    server.answer(200, "tiktok/profile-statsv2.html");
    HttpTikTokScraper configured =
        new HttpTikTokScraper(
            HttpScraperSettings.builder(server.baseUri())
                .header("Accept-Language", "de-DE")
                .build());

    configured.scrape(MIRA);

    assertThat(server.lastHeaders()).containsEntry("accept-language", "de-DE");
  }

  @Test
  void should_report_not_found_when_status_code_is_10221() {
    server.answer(200, "tiktok/not-found.html");

    ScrapeResult result = scraper.scrape(MIRA);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.NOT_FOUND);
    assertThat(result.message()).isEqualTo("tiktok @mira.paints: HTTP 200, no such account");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "tiktok/not-found-10202.html",
        "tiktok/not-found-empty-user.html",
        "tiktok/deleted-empty-user.html"
      })
  void should_report_not_found_without_an_error_when_the_account_is_gone(String fixture) {
    server.answer(200, fixture);

    ScrapeResult result;
    List<String> errors;
    try (CapturedLogs logs = CapturedLogs.start()) {
      result = scraper.scrape(MIRA);
      errors = logs.atLeast(Level.ERROR);
    }

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.NOT_FOUND);
    assertThat(result.message()).isEqualTo("tiktok @mira.paints: HTTP 200, no such account");
    assertThat(errors).isEmpty();
  }

  @Test
  void should_report_private_with_unknown_counts_when_a_private_account_shows_none() {
    server.answer(200, "tiktok/private-no-counts.html");

    ScrapeResult result = scraper.scrape(new Handle("quiet.garden"));

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.PRIVATE);
    assertThat(result.profile().stats()).isEqualTo(ProfileStats.UNKNOWN);
  }

  @Test
  void should_report_private_keeping_the_user_fields_when_status_code_is_10222() {
    server.answer(200, "tiktok/private.html");

    ScrapeResult result = scraper.scrape(new Handle("quiet.garden"));

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.PRIVATE);
    assertThat(result.profile())
        .isEqualTo(
            new Profile(
                "7111222333444555666", "Quiet Garden", null, false, true, ProfileStats.UNKNOWN));
  }

  @Test
  void should_report_private_with_counts_as_given_when_user_is_marked_private() {
    server.answer(200, "tiktok/private-with-stats.html");

    ScrapeResult result = scraper.scrape(new Handle("quiet.garden"));

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.PRIVATE);
    assertThat(result.profile().stats()).isEqualTo(new ProfileStats(980L, 77L, 31L, 15_000L));
  }

  @Test
  void should_report_blocked_when_page_has_no_data_script() {
    server.answer(200, "tiktok/captcha.html");

    ScrapeResult result = scraper.scrape(MIRA);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.BLOCKED);
  }

  @Test
  void should_report_structure_changed_when_data_script_is_not_json() {
    server.answer(200, "tiktok/broken-json.html");

    ScrapeResult result = scraper.scrape(MIRA);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.STRUCTURE_CHANGED);
  }

  @Test
  void should_report_structure_changed_when_user_detail_is_missing() {
    server.answer(200, "tiktok/no-user-detail.html");

    ScrapeResult result = scraper.scrape(MIRA);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.STRUCTURE_CHANGED);
    assertThat(result.message())
        .isEqualTo("tiktok @mira.paints: HTTP 200, no webapp.user-detail object");
  }

  @Test
  void should_report_structure_changed_naming_the_field_when_a_count_is_not_a_number() {
    server.answer(200, "tiktok/count-not-a-number.html");

    ScrapeResult result = scraper.scrape(MIRA);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.STRUCTURE_CHANGED);
    assertThat(result.message())
        .isEqualTo(
            "tiktok @mira.paints: HTTP 200, statsV2.followerCount is not a count: \"1.2.3M\"");
  }

  @Test
  void should_report_structure_changed_when_status_code_is_unknown() {
    server.answer(200, "tiktok/unknown-status.html");

    ScrapeResult result = scraper.scrape(MIRA);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.STRUCTURE_CHANGED);
    assertThat(result.message()).contains("19999");
  }

  @Test
  void should_report_structure_changed_when_body_is_garbage() {
    server.answer(200, "garbage.txt");

    ScrapeResult result = scraper.scrape(MIRA);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.STRUCTURE_CHANGED);
  }

  @Test
  void should_budget_400_requests_an_hour_by_default() {
    RequestBudget budget = HttpTikTokScraper.DEFAULT_BUDGET;

    assertThat(budget).isEqualTo(new RequestBudget(400, Duration.ofHours(1)));
  }

  @Test
  void should_not_take_an_answer_for_another_account_as_this_one() {
    server.answer(200, "tiktok/counts-with-separators.html");

    ScrapeResult result = scraper.scrape(new Handle("mira.paints"));

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.TRANSIENT);
    assertThat(result.profile()).isNull();
    assertThat(result.message()).endsWith("the answer is for another account, @kofi_codes");
  }
}
