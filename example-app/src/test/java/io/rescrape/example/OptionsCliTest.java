package io.rescrape.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.rescrape.jdbc.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the CLI answers options it cannot use: a message naming the problem, exit code 2. */
class OptionsCliTest {

  // Should a guard ever fail, the scrapers must still reach no real platform.
  private static final String NOWHERE = "--instagram-url";
  private static final String NOWHERE_TOO = "--tiktok-url";
  private static final String NOWHERE_URL = "http://127.0.0.1:9";

  @TempDir Path dataDir;

  @Test
  void should_refuse_a_data_dir_that_is_a_file() throws Exception {
    Path file = Files.writeString(dataDir.resolve("not-a-dir"), "x");

    Cli.Result result = Cli.runExactly("jobs", "--data-dir", file.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: cannot use data directory "
                + file
                + ": a file, not a directory, is in the way"
                + System.lineSeparator());
  }

  @Test
  void should_refuse_a_data_dir_that_would_smuggle_database_settings() {
    Cli.Result result =
        Cli.runExactly("jobs", "--data-dir", dataDir.resolve("x;ACCESS_MODE_DATA=r").toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("the data directory must not contain ';'");
  }

  @Test
  void should_refuse_an_instant_outside_the_supported_years() {
    Cli.Result result = new Cli(dataDir).run("plan", "--now", "+999999999-12-31T23:59:59Z");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("lies outside the years 1970 to 9999");
  }

  @Test
  void should_refuse_a_db_option_that_is_not_a_jdbc_url() {
    Cli.Result result = new Cli(dataDir).run("jobs", "--db", "");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--db must be a JDBC URL");
  }

  @Test
  void should_refuse_a_redis_url_of_another_scheme_without_showing_its_password() {
    Cli.Result result =
        new Cli(dataDir).run("jobs", "--redis", "http://user:secret@127.0.0.1:6379");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains("Redis URL must look like redis://host:6379")
        .contains("http://user:***@127.0.0.1:6379")
        .doesNotContain("secret");
  }

  @Test
  void should_refuse_a_redis_prefix_that_would_break_the_key_layout() {
    Cli.Result result =
        new Cli(dataDir).run("jobs", "--redis", "redis://127.0.0.1:9", "--redis-prefix", "a}{b");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("Redis key prefix must be 1 to 64 letters");
  }

  @Test
  void should_refuse_a_lease_too_short_to_renew() {
    Cli.Result result = new Cli(dataDir).run("jobs", "--lease", "100ms");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--lease must be between 1s and 1h, got 100ms");
  }

  @Test
  void should_take_a_lease_of_an_hour_but_not_more() {
    Cli.Result result = new Cli(dataDir).run("jobs", "--lease", "61m");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--lease must be between 1s and 1h, got 61m");
    assertThat(new Cli(dataDir).run("jobs", "--lease", "1h").exitCode()).isZero();
  }

  @Test
  void should_refuse_a_redis_prefix_without_redis() {
    Cli.Result result = new Cli(dataDir).run("jobs", "--redis-prefix", "mine");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--redis-prefix needs --redis URL");
  }

  @Test
  void should_refuse_a_health_port_out_of_range() {
    Cli.Result result = new Cli(dataDir).run("serve", "--port", "70000");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--port must be between 0 and 65535, got 70000");
    assertThat(dataDir.resolve("rescrape.mv.db")).doesNotExist();
  }

  @Test
  void should_refuse_an_absurd_demo_latency() {
    Cli.Result result = new Cli(dataDir).run("plan", "--demo", "--demo-latency", "90m");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--demo-latency must be between 0 and 1m, got 90m");
  }

  @Test
  void should_not_scrape_the_real_platforms_for_demo_creators() {
    Cli cli = new Cli(dataDir);
    cli.run("plan", "--demo", "--demo-latency", "0", "--now", "2025-08-26T12:00:00Z");

    Cli.Result result =
        cli.run(
            "run-daily",
            "--now",
            "2025-08-27T09:00:00Z",
            NOWHERE,
            NOWHERE_URL,
            NOWHERE_TOO,
            NOWHERE_URL);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("holds the invented demo creators").contains("add --demo");
  }

  @Test
  void should_not_let_the_demo_platform_overwrite_real_creators() throws Exception {
    Cli cli = new Cli(dataDir);
    Path csv = Files.writeString(dataDir.resolve("real.csv"), "instagram,nina.knits\n");
    cli.run("import", csv.toString());

    Cli.Result result = cli.run("run-daily", "--demo", "--demo-latency", "0");
    Cli.Result history = cli.run("history", "instagram", "nina.knits");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains("this database holds 1 creators that the demo did not seed")
        .contains("Drop --demo");
    assertThat(history.out()).contains("0 snapshots");
  }

  @Test
  void should_not_scrape_the_real_platforms_for_demo_creators_reached_through_db() {
    try (TestDatabases.PostgresSchema schema = TestDatabases.postgresSchema()) {
      Cli cli = new Cli(dataDir);
      cli.run("plan", "--demo", "--db", schema.jdbcUrl(), "--now", "2025-08-26T12:00:00Z");

      Cli.Result result =
          new Cli(dataDir.resolve("elsewhere"))
              .run(
                  "run-daily",
                  "--db",
                  schema.jdbcUrl(),
                  "--now",
                  "2025-08-27T09:00:00Z",
                  NOWHERE,
                  NOWHERE_URL,
                  NOWHERE_TOO,
                  NOWHERE_URL);

      assertThat(result.exitCode()).isEqualTo(2);
      assertThat(result.err()).contains("holds the invented demo creators");
    }
  }

  @Test
  void should_refuse_a_worker_count_out_of_range() {
    Cli.Result result = new Cli(dataDir).run("plan", "--workers", "0");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--workers must be between 1 and 1024, got 0");
  }

  @Test
  void should_print_help_for_each_command() {
    Cli.Result result = Cli.runExactly("run-daily", "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("Usage: rescrape run-daily").contains("--data-dir");
  }

  @Test
  void should_refuse_a_request_budget_that_is_not_one() {
    Cli.Result result =
        new Cli(dataDir).run("plan", "--instagram-budget", "0/1m", NOWHERE, NOWHERE_URL);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("a request budget allows 1 to 1,000,000 requests");
  }

  @Test
  void should_refuse_a_demo_throttle_without_the_demo_or_of_the_wrong_form() {
    Cli.Result withoutDemo =
        new Cli(dataDir).run("plan", "--demo-throttle", "instagram:20:30s", NOWHERE, NOWHERE_URL);
    Cli.Result wrongForm = new Cli(dataDir).run("plan", "--demo", "--demo-throttle", "instagram");
    Cli.Result badDuration =
        new Cli(dataDir).run("plan", "--demo", "--demo-throttle", "tiktok:5:soon");

    assertThat(withoutDemo.exitCode()).isEqualTo(2);
    assertThat(withoutDemo.err()).contains("--demo-throttle needs --demo");
    assertThat(wrongForm.exitCode()).isEqualTo(2);
    assertThat(wrongForm.err()).contains("PLATFORM:FROM_REQUEST:DURATION");
    assertThat(badDuration.exitCode()).isEqualTo(2);
    assertThat(badDuration.err()).contains("'soon' is not a duration");
  }

  @Test
  void should_refuse_a_header_proxy_or_timeout_it_cannot_use() {
    Cli.Result header =
        new Cli(dataDir).run("plan", "--tiktok-header", "no-colon", NOWHERE, NOWHERE_URL);
    Cli.Result proxy =
        new Cli(dataDir)
            .run("run-daily", "--instagram-proxy", "ftp://127.0.0.1:21", NOWHERE, NOWHERE_URL);
    Cli.Result timeout =
        new Cli(dataDir).run("plan", "--request-timeout", "0", NOWHERE, NOWHERE_URL);
    Cli.Result deadline =
        new Cli(dataDir).run("plan", "--pause-deadline", "10s", NOWHERE, NOWHERE_URL);

    assertThat(header.exitCode()).isEqualTo(2);
    assertThat(header.err()).contains("--tiktok-header must be NAME:VALUE");
    assertThat(proxy.exitCode()).isEqualTo(2);
    assertThat(proxy.err()).contains("proxy");
    assertThat(timeout.exitCode()).isEqualTo(2);
    assertThat(timeout.err()).contains("--request-timeout must be between 100ms and 5m");
    assertThat(deadline.exitCode()).isEqualTo(2);
    assertThat(deadline.err()).contains("--pause-deadline must be between 1m and 24h, got 10s");
  }
}
