package io.rescrape.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.rescrape.jdbc.testing.TestDatabases;
import io.rescrape.redis.testing.RedisServers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TriggerCommandTest {

  @Test
  void should_create_one_job_per_date_no_earlier_than_nine_when_run_for_three_days() {
    String[] args = {
      "trigger",
      "--days=3",
      "--lead=500ms",
      "--creators=60",
      "--postgres-url=" + TestDatabases.postgresUrl(),
      "--redis-url=" + RedisServers.sharedUrl()
    };

    Run run = execute(args);

    assertThat(run.exitCode()).as(run.output()).isZero();
    Map<String, String> result = resultOf(run.output());
    assertThat(result)
        .containsEntry("days", "3")
        .containsEntry("jobs_created", "3")
        .containsKeys(
            "lateness_mean_ms", "lateness_p50_ms", "lateness_max_ms", "created_at_max_ms");
    double stored = Double.parseDouble(result.get("created_at_max_ms"));
    double fired = Double.parseDouble(result.get("lateness_max_ms"));
    assertThat(stored).isNotNegative().isLessThanOrEqualTo(fired);
    assertThat(run.output()).contains("2025-08-27 WED started", "2025-08-29 FRI running");
  }

  @Test
  void should_refuse_with_the_allowed_range_when_the_lead_is_too_short() {
    Run run = execute("trigger", "--lead=50ms");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errors()).contains("--lead must be from 200ms to 10m, not 50ms");
  }

  @Test
  void should_refuse_when_a_duration_has_no_unit() {
    Run run = execute("trigger", "--max-sleep=5");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errors()).contains("'5' is not a duration");
  }

  private static Run execute(String... args) {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    StringWriter stderr = new StringWriter();
    PrintStream original = System.out;
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    try {
      CommandLine command = new CommandLine(Benchmarks.class);
      command.setErr(new PrintWriter(stderr, true));
      int exitCode = command.execute(args);
      return new Run(exitCode, stdout.toString(StandardCharsets.UTF_8), stderr.toString());
    } finally {
      System.setOut(original);
    }
  }

  private static Map<String, String> resultOf(String output) {
    String line =
        output
            .lines()
            .filter(l -> l.startsWith("RESULT trigger "))
            .reduce((first, last) -> last)
            .orElseThrow(() -> new AssertionError("no RESULT line in:\n" + output));
    Map<String, String> values = new HashMap<>();
    for (String pair : line.substring("RESULT trigger ".length()).split(" ")) {
      String[] keyValue = pair.split("=", 2);
      values.put(keyValue[0], keyValue[1]);
    }
    return values;
  }

  private record Run(int exitCode, String output, String errors) {}
}
