package io.rescrape.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.rescrape.jdbc.testing.TestDatabases;
import io.rescrape.redis.testing.RedisServers;
import java.util.Map;
import org.junit.jupiter.api.Test;

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

    BenchmarkRun run = BenchmarkRun.exactly(args);

    assertThat(run.exitCode()).as(run.out()).isZero();
    Map<String, String> result = run.result("trigger").orElseThrow();
    assertThat(result)
        .containsEntry("days", "3")
        .containsEntry("jobs_created", "3")
        .containsKeys(
            "lateness_mean_ms", "lateness_p50_ms", "lateness_max_ms", "created_at_max_ms");
    double stored = Double.parseDouble(result.get("created_at_max_ms"));
    double fired = Double.parseDouble(result.get("lateness_max_ms"));
    assertThat(stored).isNotNegative().isLessThanOrEqualTo(fired);
    assertThat(run.out()).contains("2025-08-27 WED started", "2025-08-29 FRI running");
  }

  @Test
  void should_refuse_with_the_allowed_range_when_the_lead_is_too_short() {
    BenchmarkRun run = BenchmarkRun.exactly("trigger", "--lead=50ms");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--lead must be from 200ms to 10m, not 50ms");
  }

  @Test
  void should_refuse_when_a_duration_has_no_unit() {
    BenchmarkRun run = BenchmarkRun.exactly("trigger", "--max-sleep=5");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("'5' is not a duration");
  }
}
