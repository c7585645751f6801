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
import java.net.http.HttpClient;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Both platforms' scrapers through a proxy; the fixture server plays the proxy. */
class HttpScraperProxyTest {

  private static final Handle KOFI = new Handle("kofi_codes");

  private final FixtureServer server = FixtureServer.start();

  @AfterEach
  void stopServer() {
    server.close();
  }

  @ParameterizedTest
  @CsvSource({"INSTAGRAM, instagram/profile-flat.json", "TIKTOK, tiktok/profile-stats-only.html"})
  void should_send_the_request_through_the_proxy_when_one_is_set(Platform platform, String fixture)
      throws IOException {
    server.answer(200, fixture);
    URI unreachable = closedPortUri();
    HttpScraperSettings settings =
        HttpScraperSettings.builder(unreachable).proxy(server.origin()).build();

    ScrapeResult result = scraperFor(platform, settings).scrape(KOFI);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.OK);
    assertThat(server.lastRequest().getAuthority()).isEqualTo(unreachable.getAuthority());
  }

  @ParameterizedTest
  @CsvSource({"INSTAGRAM, instagram/profile-flat.json", "TIKTOK, tiktok/profile-stats-only.html"})
  void should_ignore_the_proxy_when_an_http_client_is_given(Platform platform, String fixture)
      throws IOException {
    server.answer(200, fixture);
    HttpScraperSettings settings =
        HttpScraperSettings.builder(server.baseUri())
            .proxy(closedPortUri())
            .httpClient(HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build())
            .build();

    ScrapeResult result = scraperFor(platform, settings).scrape(KOFI);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.OK);
  }

  @ParameterizedTest
  @CsvSource({"INSTAGRAM, instagram", "TIKTOK, tiktok"})
  void should_report_misconfigured_when_the_proxy_asks_for_credentials(Platform platform, String id)
      throws IOException {
    server.answerEmpty(407, Map.of("Proxy-Authenticate", "Basic realm=\"proxy\""));
    HttpScraperSettings settings =
        HttpScraperSettings.builder(closedPortUri()).proxy(server.origin()).build();

    ScrapeResult result = scraperFor(platform, settings).scrape(KOFI);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.MISCONFIGURED);
    assertThat(result.message())
        .isEqualTo(
            id + " @kofi_codes: HTTP 407, the proxy asks for credentials; check the proxy setting");
  }

  private static ProfileScraper scraperFor(Platform platform, HttpScraperSettings settings) {
    return switch (platform) {
      case INSTAGRAM -> new HttpInstagramScraper(settings);
      case TIKTOK -> new HttpTikTokScraper(settings);
    };
  }

  /** A loopback URI on a port that was free a moment ago, so nothing accepts connections. */
  private static URI closedPortUri() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
  }
}
