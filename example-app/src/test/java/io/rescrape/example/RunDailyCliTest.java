package io.rescrape.example;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rescrape.jdbc.testing.TestDatabases;
import io.rescrape.redis.testing.RedisServers;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;

/** The README's first command and what a newcomer sees. */
class RunDailyCliTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;

  @Test
  void should_create_and_complete_the_reference_wednesday_job() throws Exception {
    Cli.Result result = new Cli(dataDir).demo("run-daily");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("Created job 1: Daily rescrape - 292 creators due (2025-08-27)")
        .containsPattern("Job 1 COMPLETED: \\d+ succeeded, \\d+ failed, 0 skipped, 0 not finished")
        .contains("Failed by reason: ");
    JsonNode job = lastJob(new Cli(dataDir));
    assertThat(job.get("succeeded").asLong() + job.get("failed").asLong()).isEqualTo(292);
    assertThat(job.get("failuresByReason").fieldNames())
        .toIterable()
        .isSubsetOf("NOT_FOUND", "PRIVATE");
  }

  @Test
  void should_reuse_the_job_of_the_date_when_run_again() throws Exception {
    Cli cli = new Cli(dataDir);
    cli.demo("run-daily");

    Cli.Result again = cli.demo("run-daily");

    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).contains("Reusing COMPLETED job 1: Daily rescrape - 292 creators due");
    assertThat(JSON.readTree(cli.run("jobs", "--json").out())).hasSize(1);
  }

  @Test
  void should_print_the_finished_job_as_json() throws Exception {
    Cli.Result result = new Cli(dataDir).demo("run-daily", "--json");

    JsonNode job = JSON.readTree(result.out());
    assertThat(job.get("description").asText())
        .isEqualTo("Daily rescrape - 292 creators due (2025-08-27)");
    assertThat(job.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(job.get("type").asText()).isEqualTo("daily_rescrape");
    assertThat(job.get("failedCreators").get(0).get("reason").asText())
        .isIn("NOT_FOUND", "PRIVATE");
  }

  @Test
  void should_run_the_demo_on_postgresql_too() {
    try (TestDatabases.PostgresSchema schema = TestDatabases.postgresSchema()) {
      Cli.Result result = new Cli(dataDir).demo("run-daily", "--db", schema.jdbcUrl());

      assertThat(result.exitCode()).isZero();
      assertThat(result.out()).contains("Job 1 COMPLETED");
    }
  }

  @Test
  void should_dispatch_the_demo_through_redis() {
    String prefix = "cli-test-" + UUID.randomUUID();

    Cli.Result result =
        new Cli(dataDir)
            .demo("run-daily", "--redis", RedisServers.sharedUrl(), "--redis-prefix", prefix);

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("Job 1 COMPLETED");
    try (RedisClient redis = RedisClient.create(RedisServers.sharedUrl())) {
      String counters = "{" + prefix + ":job:1}:counters";
      Map<String, String> counted = redis.hgetAll(counters);
      redis.del(counters, "{" + prefix + ":job:1}:opened");
      assertThat(counted).containsKeys("done", "failed");
      assertThat(counted.values().stream().mapToLong(Long::parseLong).sum()).isEqualTo(292);
    }
  }

  @Test
  void should_complete_the_demo_through_the_database_when_redis_is_unreachable() throws Exception {
    String unreachable = "redis://127.0.0.1:" + closedPort();
    Logger logger = (Logger) LoggerFactory.getLogger("io.rescrape.redis");
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    logger.addAppender(logged);
    try {
      Cli.Result result = new Cli(dataDir).demo("run-daily", "--redis", unreachable);

      assertThat(result.exitCode()).isZero();
      assertThat(result.out()).contains("Job 1 COMPLETED");
      assertThat(logged.list)
          .filteredOn(event -> event.getLevel() == Level.WARN)
          .singleElement()
          .extracting(ILoggingEvent::getFormattedMessage)
          .asString()
          .startsWith("Redis at " + unreachable + " is unreachable");
    } finally {
      logger.detachAppender(logged);
    }
  }

  @Test
  void should_wait_out_a_throttle_of_the_demo_platform_without_failing_a_creator()
      throws Exception {
    Cli.Result result =
        new Cli(dataDir).demo("run-daily", "--demo-throttle", "instagram:20:1s:retry-after=1s");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).containsPattern("Job 1 COMPLETED: \\d+ succeeded");
    JsonNode job = lastJob(new Cli(dataDir));
    assertThat(job.get("succeeded").asLong() + job.get("failed").asLong()).isEqualTo(292);
    assertThat(job.get("failuresByReason").fieldNames())
        .toIterable()
        .isSubsetOf("NOT_FOUND", "PRIVATE");
  }

  @Test
  void should_say_so_when_nothing_is_due() {
    Cli.Result result =
        new Cli(dataDir)
            .run(
                "run-daily",
                "--now",
                "2025-08-27T09:00:00Z",
                "--instagram-url",
                "http://127.0.0.1:9",
                "--tiktok-url",
                "http://127.0.0.1:9");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("No creator is due on 2025-08-27; no daily job created.");
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static JsonNode lastJob(Cli cli) throws Exception {
    return JSON.readTree(cli.run("jobs", "--json").out()).get(0);
  }
}
