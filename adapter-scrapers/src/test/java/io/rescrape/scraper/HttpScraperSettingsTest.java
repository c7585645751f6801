package io.rescrape.scraper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rescrape.core.domain.InvalidInputException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HttpScraperSettingsTest {

  private static final URI BASE = URI.create("https://127.0.0.1:8443/instagram");

  @Test
  void should_apply_the_documented_defaults_when_only_the_base_uri_is_given() {
    HttpScraperSettings settings = HttpScraperSettings.builder(BASE).build();

    assertThat(settings)
        .extracting(
            HttpScraperSettings::requestTimeout,
            HttpScraperSettings::connectTimeout,
            HttpScraperSettings::maxBodyBytes,
            HttpScraperSettings::userAgent,
            HttpScraperSettings::headers,
            HttpScraperSettings::proxy,
            HttpScraperSettings::httpClient)
        .containsExactly(
            Duration.ofSeconds(10),
            Duration.ofSeconds(5),
            2_097_152,
            "Rescrape",
            Map.of(),
            null,
            null);
  }

  @Test
  void should_accept_a_base_uri_typed_as_text_when_it_is_http() {
    HttpScraperSettings settings = HttpScraperSettings.builder(" http://127.0.0.1:8080/ ").build();

    assertThat(settings.baseUri()).isEqualTo(URI.create("http://127.0.0.1:8080/"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://127.0.0.1/", "localhost:8080", "/instagram", "file:///tmp/x"})
  void should_reject_the_base_uri_when_it_is_not_http_with_a_host(String uri) {
    HttpScraperSettings.Builder builder = HttpScraperSettings.builder(uri);

    assertThatThrownBy(builder::build)
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("base URI '" + uri + "' must be an http or https URI with a host");
  }

  @Test
  void should_reject_the_base_uri_when_it_has_a_query() {
    HttpScraperSettings.Builder builder = HttpScraperSettings.builder("http://127.0.0.1/?a=b");

    assertThatThrownBy(builder::build).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void should_reject_the_base_uri_when_the_text_is_not_a_uri() {
    assertThatThrownBy(() -> HttpScraperSettings.builder("http://bad host/"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("base URI 'http://bad host/' is not a URI");
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1})
  void should_reject_the_request_timeout_when_not_positive(long millis) {
    HttpScraperSettings.Builder builder =
        HttpScraperSettings.builder(BASE).requestTimeout(Duration.ofMillis(millis));

    assertThatThrownBy(builder::build)
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("requestTimeout must be positive");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1})
  void should_reject_the_body_limit_when_not_positive(int maxBodyBytes) {
    HttpScraperSettings.Builder builder =
        HttpScraperSettings.builder(BASE).maxBodyBytes(maxBodyBytes);

    assertThatThrownBy(builder::build)
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("maxBodyBytes must be positive, got " + maxBodyBytes);
  }

  @Test
  void should_reject_the_body_limit_when_above_64_mib() {
    HttpScraperSettings.Builder builder =
        HttpScraperSettings.builder(BASE).maxBodyBytes(64 * 1024 * 1024 + 1);

    assertThatThrownBy(builder::build)
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("maxBodyBytes must be at most 67108864 (64 MiB), got 67108865");
  }

  @Test
  void should_accept_the_body_limit_when_it_is_exactly_64_mib() {
    HttpScraperSettings settings =
        HttpScraperSettings.builder(BASE).maxBodyBytes(64 * 1024 * 1024).build();

    assertThat(settings.maxBodyBytes()).isEqualTo(67_108_864);
  }

  @Test
  void should_reject_a_header_when_http_client_cannot_send_it() {
    HttpScraperSettings.Builder builder =
        HttpScraperSettings.builder(BASE).header("Host", "elsewhere.test");

    assertThatThrownBy(builder::build)
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("header 'Host' cannot be sent");
  }

  @Test
  void should_reject_the_user_agent_when_blank() {
    HttpScraperSettings.Builder builder = HttpScraperSettings.builder(BASE).userAgent(" ");

    assertThatThrownBy(builder::build).isInstanceOf(InvalidInputException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:3128", "http://proxy.internal.test:8080/"})
  void should_accept_the_proxy_when_it_is_http_host_and_port(String proxy) {
    HttpScraperSettings settings =
        HttpScraperSettings.builder(BASE).proxy(URI.create(proxy)).build();

    assertThat(settings.proxy()).isEqualTo(URI.create(proxy));
  }

  @ParameterizedTest
  @CsvSource({
    "https://127.0.0.1:3128, the scheme is not http",
    "socks5://127.0.0.1:1080, the scheme is not http",
    "http://127.0.0.1, it has no port from 1 to 65535",
    "http://127.0.0.1:0, it has no port from 1 to 65535",
    "http://127.0.0.1:3128/squid, 'it has a path, query or fragment'",
    "http://127.0.0.1:3128?x=1, 'it has a path, query or fragment'",
    "http:/3128, it has no host"
  })
  void should_reject_the_proxy_naming_the_problem_when_it_is_not_http_host_and_port(
      String proxy, String problem) {
    HttpScraperSettings.Builder builder =
        HttpScraperSettings.builder(BASE).proxy(URI.create(proxy));

    assertThatThrownBy(builder::build)
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("proxy '" + proxy + "' must be http://host:port: " + problem);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://ops:s3cret@127.0.0.1:3128", "http://ops:s3cret@proxy_1:3128"})
  void should_reject_the_proxy_without_repeating_it_when_it_carries_credentials(String proxy) {
    HttpScraperSettings.Builder builder =
        HttpScraperSettings.builder(BASE).proxy(URI.create(proxy));

    assertThatThrownBy(builder::build)
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("proxy must not carry credentials")
        .hasMessageNotContaining("s3cret");
  }
}
