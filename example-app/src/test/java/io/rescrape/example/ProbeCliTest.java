package io.rescrape.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.ProfileStats;
import io.rescrape.example.demo.DemoPlatform;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The on-call engineer's {@code probe}: one profile scraped now, its outcome and what was read. */
class ProbeCliTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> FIELDS =
      List.of(
          "platform",
          "handle",
          "outcome",
          "platformId",
          "followers",
          "following",
          "posts",
          "likes",
          "verified",
          "private",
          "approximate",
          "message");

  @TempDir Path dataDir;

  private HttpServer server;

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void should_print_every_field_of_a_read_profile_as_json() throws Exception {
    Handle handle = publicHandle(Platform.TIKTOK);

    Cli.Result result =
        new Cli(dataDir)
            .run("probe", "TikTok", "@" + handle.value().toUpperCase(), "--demo", "--json");

    JsonNode probe = JSON.readTree(result.out());
    ProfileStats expected = DemoPlatform.statsOf(Platform.TIKTOK, handle);
    assertThat(result.exitCode()).isZero();
    assertThat(probe.fieldNames()).toIterable().containsExactlyElementsOf(FIELDS);
    assertThat(probe.get("platform").asText()).isEqualTo("tiktok");
    assertThat(probe.get("handle").asText()).isEqualTo(handle.value());
    assertThat(probe.get("outcome").asText()).isEqualTo("OK");
    assertThat(probe.get("followers").asLong()).isEqualTo(expected.followers());
    assertThat(probe.get("likes").asLong()).isEqualTo(expected.likes());
    assertThat(probe.get("approximate").asBoolean()).isFalse();
  }

  @Test
  void should_print_unknown_values_as_null_for_an_account_that_does_not_exist() throws Exception {
    Handle missing = handleWhere(Platform.INSTAGRAM, DemoPlatform::isMissing);

    Cli.Result result =
        new Cli(dataDir).run("probe", "instagram", missing.value(), "--demo", "--json");

    JsonNode probe = JSON.readTree(result.out());
    assertThat(result.exitCode()).isEqualTo(5);
    assertThat(probe.get("outcome").asText()).isEqualTo("NOT_FOUND");
    assertThat(probe.get("followers").isNull()).isTrue();
    assertThat(probe.get("private").isNull()).isTrue();
    assertThat(probe.get("message").asText()).contains("no such account");
  }

  @Test
  void should_read_counts_shown_as_text_and_flag_them_approximate() throws Exception {
    String body =
        """
        {"data": {"user": {"id": "7001", "username": "nina.knits", "is_private": false,
          "edge_followed_by": {"count": "1.2M"}, "edge_follow": {"count": "12,345"},
          "edge_owner_to_timeline_media": {"count": "630k"}}}, "status": "ok"}
        """;
    String url = serve(200, body, Map.of());

    Cli.Result result =
        new Cli(dataDir)
            .run(
                "probe",
                "instagram",
                "https://www.instagram.com/Nina.Knits/",
                "--instagram-url",
                url,
                "--json");

    JsonNode probe = JSON.readTree(result.out());
    assertThat(result.exitCode()).isZero();
    assertThat(probe.get("handle").asText()).isEqualTo("nina.knits");
    assertThat(probe.get("followers").asLong()).isEqualTo(1_200_000);
    assertThat(probe.get("following").asLong()).isEqualTo(12_345);
    assertThat(probe.get("posts").asLong()).isEqualTo(630_000);
    assertThat(probe.get("likes").isNull()).isTrue();
    assertThat(probe.get("approximate").asBoolean()).isTrue();
  }

  @Test
  void should_say_in_words_that_the_platform_throttles() throws Exception {
    String url =
        serve(429, "{\"message\": \"Please wait a few minutes\"}", Map.of("Retry-After", "120"));

    Cli.Result result =
        new Cli(dataDir).run("probe", "instagram", "nina.knits", "--instagram-url", url);

    assertThat(result.exitCode()).isEqualTo(5);
    assertThat(result.out())
        .startsWith("instagram nina.knits: RATE_LIMITED" + System.lineSeparator())
        .contains("message      ")
        .doesNotContain("followers");
  }

  @Test
  void should_send_the_configured_headers() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    String url =
        serve(
            exchange -> {
              seen.add(exchange.getRequestHeaders().getFirst("X-IG-App-ID"));
              seen.add(exchange.getRequestHeaders().getFirst("User-Agent"));
              reply(exchange, 404, "{}", Map.of());
            });

    Cli.Result result =
        new Cli(dataDir)
            .run(
                "probe",
                "instagram",
                "nina.knits",
                "--instagram-url",
                url,
                "--instagram-header",
                "X-IG-App-ID: 42",
                "--instagram-header",
                "User-Agent:probe-test/1.0");

    assertThat(result.exitCode()).isEqualTo(5);
    assertThat(seen).containsExactly("42", "probe-test/1.0");
  }

  @Test
  void should_refuse_an_unknown_platform_or_a_handle_of_another_platform() {
    Cli.Result platform = new Cli(dataDir).run("probe", "myspace", "tom", "--demo");
    Cli.Result handle =
        new Cli(dataDir).run("probe", "instagram", "https://www.tiktok.com/@kofi_codes", "--demo");

    assertThat(platform.exitCode()).isEqualTo(2);
    assertThat(platform.err()).contains("unknown platform 'myspace'");
    assertThat(handle.exitCode()).isEqualTo(2);
    assertThat(handle.err()).contains("instagram");
  }

  private String serve(int status, String body, Map<String, String> headers) throws IOException {
    return serve(exchange -> reply(exchange, status, body, headers));
  }

  private String serve(HttpHandler handler) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", handler);
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static void reply(
      HttpExchange exchange, int status, String body, Map<String, String> headers)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    headers.forEach(exchange.getResponseHeaders()::set);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static Handle publicHandle(Platform platform) {
    return handleWhere(platform, h -> !DemoPlatform.isMissing(h) && !DemoPlatform.isPrivate(h));
  }

  private static Handle handleWhere(Platform platform, Predicate<Handle> wanted) {
    return Stream.iterate(0, i -> i + 1)
        .map(i -> Handle.of(platform, "probe.fan." + i))
        .filter(wanted)
        .findFirst()
        .orElseThrow();
  }
}
