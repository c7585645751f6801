package io.rescrape.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class DrainCommandTest {

  @Test
  void should_report_both_schedulers_and_their_ratio_when_draining_a_small_job() {
    BenchmarkRun run = BenchmarkRun.of("drain", "--creators", "400", "--warmup", "100");

    assertThat(run.exitCode()).as(run.err()).isZero();
    Map<String, String> result = run.result("drain").orElseThrow();
    assertThat(result)
        .containsEntry("creators", "400")
        .containsEntry("warmup", "100")
        .containsEntry("threads", "8")
        .containsKeys("rescrape_s", "rescrape_per_s", "dbscheduler_s", "dbscheduler_per_s");
    double ratio =
        Double.parseDouble(result.get("rescrape_per_s"))
            / Double.parseDouble(result.get("dbscheduler_per_s"));
    // The RESULT line rounds each rate to a whole number and the ratio to two places.
    assertThat(Double.parseDouble(result.get("ratio")))
        .isCloseTo(ratio, within(0.01 + ratio / 100));
  }

  @Test
  void should_report_one_scheduler_without_a_ratio_when_asked_for_only_one() {
    BenchmarkRun run =
        BenchmarkRun.of("drain", "--creators", "200", "--warmup", "0", "--only", "db-scheduler");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.result("drain").orElseThrow())
        .containsKeys("dbscheduler_per_s")
        .doesNotContainKeys("rescrape_per_s", "ratio");
  }

  @Test
  void should_name_the_option_when_the_scheduler_is_unknown() {
    BenchmarkRun run = BenchmarkRun.of("drain", "--only", "quartz");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--only must be rescrape or db-scheduler, not 'quartz'");
    assertThat(run.out()).doesNotContain("RESULT");
  }

  @Test
  void should_refuse_a_database_other_than_postgresql() {
    BenchmarkRun run =
        BenchmarkRun.exactly("drain", "--creators", "10", "--postgres-url", "jdbc:h2:mem:bench");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--postgres-url must be a PostgreSQL JDBC URL");
  }

  @Test
  @Timeout(60) // without a login timeout the driver would wait for an answer forever
  void should_give_up_on_a_server_that_accepts_but_never_answers_like_postgresql()
      throws IOException {
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String url =
          "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/postgres?user=postgres";

      BenchmarkRun run = BenchmarkRun.exactly("drain", "--creators", "10", "--postgres-url", url);

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("benchmark failed: could not run 'CREATE SCHEMA");
    }
  }

  @Test
  void should_refuse_a_pool_larger_than_the_servers_can_share_before_touching_them() {
    BenchmarkRun run =
        BenchmarkRun.exactly(
            "drain", "--pool-size", "100000", "--postgres-url", "jdbc:postgresql://127.0.0.1:1/x");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("--pool-size must be from 1 to 25, not 100000")
        .doesNotContain("Connection");
  }

  @Test
  void should_keep_passwords_out_of_its_messages() {
    BenchmarkRun run =
        BenchmarkRun.exactly(
            "drain",
            "--creators",
            "10",
            "--postgres-url",
            "jdbc:postgresql://127.0.0.1:1/x?user=a&password=s3cret");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("password=***").doesNotContain("s3cret");
  }

  @Test
  void should_refuse_a_redis_url_without_a_usable_port_or_database_before_touching_a_server() {
    for (String url : new String[] {"foo", "redis://127.0.0.1:99999", "redis://127.0.0.1/abc"}) {
      BenchmarkRun run =
          BenchmarkRun.exactly(
              "drain", "--redis-url", url, "--postgres-url", "jdbc:postgresql://127.0.0.1:1/x");

      assertThat(run.exitCode()).as(url).isEqualTo(2);
      assertThat(run.err()).as(url).startsWith("--redis-url must be redis://");
    }
  }

  @Test
  void should_mask_a_redis_password_given_without_a_user() {
    BenchmarkRun run =
        BenchmarkRun.exactly(
            "drain", "--creators", "10", "--redis-url", "redis://s3cret@127.0.0.1:1");

    assertThat(run.err()).doesNotContain("s3cret");
  }
}
