package io.rescrape.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rescrape.redis.RedisSettings;
import io.rescrape.web.RescrapeWebServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code serve --port} answers on {@code GET /health}, wired to the app's environment. */
class WebServiceTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LOOPBACK = "127.0.0.1";
  private static final URI NOWHERE = URI.create("http://127.0.0.1:9");

  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path dataDir;

  @Test
  void should_report_up_with_the_last_completed_job() throws Exception {
    Cli cli = new Cli(dataDir);
    assertThat(cli.demo("run-daily").exitCode()).isZero();

    try (AppEnvironment environment = AppEnvironment.open(settings(null));
        RescrapeWebServer health = WebService.start(environment, LOOPBACK, 0, null)) {
      environment.rescrape().trigger().fireIfDue(); // arms it past the date that has its job

      HttpResponse<String> response = get(health, "GET");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
      JsonNode report = JSON.readTree(response.body());
      assertThat(report.get("status").asText()).isEqualTo("UP");
      assertThat(report.get("database").get("up").asBoolean()).isTrue();
      assertThat(report.get("runningJob").isNull()).isTrue();
      assertThat(report.get("lastCompletedJob").get("id").asLong()).isEqualTo(1);
      assertThat(report.get("lastCompletedJob").get("date").asText()).isEqualTo("2025-08-27");
      assertThat(report.get("redis").isNull()).isTrue();
      assertThat(report.get("trigger").get("nextFire").asText()).isEqualTo("2025-08-28T09:00:00Z");
    }
  }

  @Test
  void should_serve_the_app_s_metrics_in_prometheus_text() throws Exception {
    Cli cli = new Cli(dataDir);
    assertThat(cli.demo("run-daily").exitCode()).isZero();

    try (AppEnvironment environment = AppEnvironment.open(settings(null));
        RescrapeWebServer web = WebService.start(environment, LOOPBACK, 0, null)) {
      HttpResponse<String> response = request(web, "/metrics", "GET");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body())
          .contains("rescrape_jobs{status=\"COMPLETED\"} 1.0")
          .contains("rescrape_creators{state=\"active\"} 1755.0")
          .contains("jvm_memory_used_bytes");
    }
  }

  @Test
  void should_report_degraded_while_redis_is_unreachable() throws Exception {
    String unreachable = "redis://127.0.0.1:" + closedPort();
    RedisSettings redis =
        RedisSettings.builder(unreachable).timeout(Duration.ofMillis(300)).build();

    try (AppEnvironment environment = AppEnvironment.open(settings(redis));
        RescrapeWebServer health = WebService.start(environment, LOOPBACK, 0, null)) {
      JsonNode report = JSON.readTree(get(health, "GET").body());

      assertThat(report.get("status").asText()).isEqualTo("DEGRADED");
      assertThat(report.get("redis").get("up").asBoolean()).isFalse();
      assertThat(report.get("redis").get("uri").asText()).isEqualTo(unreachable);
    }
  }

  @Test
  void should_answer_head_and_refuse_changes_and_unknown_paths() throws Exception {
    try (AppEnvironment environment = AppEnvironment.open(settings(null));
        RescrapeWebServer health = WebService.start(environment, LOOPBACK, 0, null)) {
      HttpResponse<String> delete = get(health, "DELETE");
      HttpResponse<String> head = get(health, "HEAD");
      HttpResponse<String> other = request(health, "/healthz", "GET");

      assertThat(delete.statusCode()).isEqualTo(403); // a change, and no token is configured
      assertThat(head.statusCode()).isEqualTo(200);
      assertThat(head.body()).isEmpty();
      assertThat(other.statusCode()).isEqualTo(404);
    }
  }

  @Test
  void should_name_the_cause_when_the_port_is_taken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        AppEnvironment environment = AppEnvironment.open(settings(null))) {
      assertThatThrownBy(() -> WebService.start(environment, LOOPBACK, taken.getLocalPort(), null))
          .hasMessageContaining("cannot serve on 127.0.0.1:" + taken.getLocalPort() + ": ")
          .hasMessageContaining("in use");
    }
  }

  private AppEnvironment.Settings settings(@Nullable RedisSettings redis) {
    return new AppEnvironment.Settings(
        dataDir,
        null,
        Instant.parse("2025-08-27T12:00:00Z"),
        true,
        Duration.ZERO,
        4,
        NOWHERE,
        NOWHERE,
        redis,
        Duration.ofSeconds(30),
        false);
  }

  private HttpResponse<String> get(RescrapeWebServer health, String method) throws Exception {
    return request(health, "/health", method);
  }

  private HttpResponse<String> request(RescrapeWebServer health, String path, String method)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + health.port() + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .timeout(Duration.ofSeconds(10))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
