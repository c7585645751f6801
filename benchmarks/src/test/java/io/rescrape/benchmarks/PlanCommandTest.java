package io.rescrape.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanCommandTest {

  @Test
  void should_plan_a_sixth_of_the_creators_and_report_time_and_heap() {
    BenchmarkRun run = BenchmarkRun.of("plan", "--creators", "6000");

    assertThat(run.exitCode()).as(run.err()).isZero();
    Map<String, String> result = run.result("plan").orElseThrow();
    assertThat(result)
        .containsEntry("creators", "6000")
        .containsEntry("due", "1000")
        .containsKeys("plan_s", "enqueue_s", "total_s", "heap_peak_mb");
    assertThat(Double.parseDouble(result.get("total_s")))
        .isGreaterThanOrEqualTo(Double.parseDouble(result.get("plan_s")));
  }

  @Test
  void should_name_the_option_when_there_are_too_few_creators_to_spread() {
    BenchmarkRun run = BenchmarkRun.of("plan", "--creators", "5");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--creators must be from 6 to 10,000,000, not 5");
  }
}
