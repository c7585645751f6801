package io.rescrape.scraper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.ScrapeOutcome;
import io.rescrape.core.domain.ScrapeResult;
import io.rescrape.core.port.ProfileScraper;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * How both platforms' scrapers bound an exchange in time, from sending to the last body byte, and
 * in body size; and that they hang up on a server that passes either bound. The class timeout turns
 * a lost bound into a failure instead of a build that never ends.
 */
@Timeout(10)
class HttpScraperLimitsTest {

  private static final Handle KOFI = new Handle("kofi_codes");
  private static final int LIMIT = 64 * 1024;
  private static final Duration PROMPTLY = Duration.ofSeconds(3);

  private final FixtureServer server = FixtureServer.start();

  @AfterEach
  void stopServer() {
    server.close();
  }

  @ParameterizedTest
  @CsvSource({"INSTAGRAM, instagram", "TIKTOK, tiktok"})
  void should_report_transient_in_time_when_the_body_trickles_past_the_timeout(
      Platform platform, String id) {
    server.trickle();
    ProfileScraper scraper =
        scraperFor(platform, settings().requestTimeout(Duration.ofMillis(300)));

    ScrapeResult result = assertTimeoutPreemptively(PROMPTLY, () -> scraper.scrape(KOFI));

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.TRANSIENT);
    assertThat(result.message()).isEqualTo(id + " @kofi_codes: no complete answer within 300 ms");
  }

  @ParameterizedTest
  @EnumSource(Platform.class)
  void should_hang_up_when_the_body_trickles_past_the_timeout(Platform platform) {
    server.trickle();
    ProfileScraper scraper =
        scraperFor(platform, settings().requestTimeout(Duration.ofMillis(300)));

    scraper.scrape(KOFI);

    assertThat(server.clientHungUpWithin(PROMPTLY)).isTrue();
  }

  @ParameterizedTest
  @CsvSource({"INSTAGRAM, instagram", "TIKTOK, tiktok"})
  void should_report_transient_in_time_when_the_body_is_endless(Platform platform, String id) {
    server.stream(200);
    ProfileScraper scraper = scraperFor(platform, settings());

    ScrapeResult result = assertTimeoutPreemptively(PROMPTLY, () -> scraper.scrape(KOFI));

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.TRANSIENT);
    assertThat(result.message())
        .isEqualTo(id + " @kofi_codes: HTTP 200, answer larger than 64 KiB");
  }

  @ParameterizedTest
  @EnumSource(Platform.class)
  void should_hang_up_when_the_body_passes_the_limit(Platform platform) {
    server.stream(200);
    ProfileScraper scraper = scraperFor(platform, settings());

    scraper.scrape(KOFI);

    assertThat(server.clientHungUpWithin(PROMPTLY)).isTrue();
  }

  @ParameterizedTest
  @CsvSource({"INSTAGRAM, instagram/profile-flat.json", "TIKTOK, tiktok/profile-stats-only.html"})
  void should_report_transient_when_the_body_is_one_byte_over_the_limit(
      Platform platform, String fixture) {
    server.answerPadded(200, fixture, LIMIT + 1);
    ProfileScraper scraper = scraperFor(platform, settings());

    ScrapeResult result = scraper.scrape(KOFI);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.TRANSIENT);
    assertThat(result.message()).endsWith("HTTP 200, answer larger than 64 KiB");
  }

  @ParameterizedTest
  @CsvSource({
    "INSTAGRAM, instagram/profile-flat.json, 1",
    "INSTAGRAM, instagram/profile-flat.json, 0",
    "TIKTOK, tiktok/profile-stats-only.html, 1",
    "TIKTOK, tiktok/profile-stats-only.html, 0"
  })
  void should_read_the_profile_when_the_body_is_just_within_the_limit(
      Platform platform, String fixture, int bytesUnderLimit) {
    server.answerPadded(200, fixture, LIMIT - bytesUnderLimit);
    ProfileScraper scraper = scraperFor(platform, settings());

    ScrapeResult result = scraper.scrape(KOFI);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.OK);
    assertThat(result.profile().stats().followers()).isPositive();
  }

  @ParameterizedTest
  @EnumSource(Platform.class)
  void should_keep_the_status_outcome_when_a_refusal_has_an_endless_body(Platform platform) {
    server.stream(429);
    ProfileScraper scraper = scraperFor(platform, settings());

    ScrapeResult result = assertTimeoutPreemptively(PROMPTLY, () -> scraper.scrape(KOFI));

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.RATE_LIMITED);
  }

  @ParameterizedTest
  @EnumSource(Platform.class)
  void should_read_the_words_of_a_refusal_when_its_body_passes_the_limit(Platform platform) {
    server.answerPadded(401, "instagram/login-required.json", LIMIT + 1024);
    ProfileScraper scraper = scraperFor(platform, settings());

    ScrapeResult result = scraper.scrape(KOFI);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.RATE_LIMITED);
  }

  private HttpScraperSettings.Builder settings() {
    return HttpScraperSettings.builder(server.baseUri())
        .requestTimeout(Duration.ofSeconds(10))
        .maxBodyBytes(LIMIT);
  }

  private static ProfileScraper scraperFor(
      Platform platform, HttpScraperSettings.Builder settings) {
    return switch (platform) {
      case INSTAGRAM -> new HttpInstagramScraper(settings.build());
      case TIKTOK -> new HttpTikTokScraper(settings.build());
    };
  }
}
