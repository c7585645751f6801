package io.rescrape.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.Platform;
import io.rescrape.example.demo.DemoPlatform;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LatencyCommandTest {

  private static final int CREATORS = 60;

  @Test
  void should_finish_every_creator_no_sooner_than_the_bound_when_the_budget_binds() {
    // 30 creators a platform, 4 in flight at 50 ms: 0.4 s were it not for the budget of 10 a
    // second, which lets the 21st and 30th requests go only 2 s after the 1st and 10th.
    BenchmarkRun run =
        BenchmarkRun.of(
            "latency",
            "--creators",
            "60",
            "--latency",
            "50ms",
            "--concurrency",
            "4",
            "--budget",
            "10/1s");

    Map<String, String> result = run.result("latency").orElseThrow();
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(result)
        .containsOnlyKeys(
            "creators",
            "latency_s",
            "concurrency",
            "budget",
            "bound_s",
            "wall_s",
            "over_bound_pct",
            "done",
            "failed",
            "requests");
    assertThat(result)
        .containsEntry("creators", "60")
        .containsEntry("latency_s", "0.050")
        .containsEntry("concurrency", "4")
        .containsEntry("budget", "10/1s")
        .containsEntry("bound_s", "2.15")
        .containsEntry("requests", "60");
    double bound = number(result, "bound_s");
    double wall = number(result, "wall_s");
    assertThat(wall).isGreaterThanOrEqualTo(bound * 0.99).isLessThan(bound * 2);
    assertThat(number(result, "over_bound_pct"))
        .isCloseTo((wall - bound) / bound * 100, within(0.5));
  }

  @Test
  void should_fail_exactly_the_missing_and_private_accounts_when_the_job_completes() {
    BenchmarkRun run =
        BenchmarkRun.of("latency", "--creators", "60", "--latency", "50ms", "--budget", "none");

    Map<String, String> result = run.result("latency").orElseThrow();
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(result).containsEntry("budget", "none").containsEntry("bound_s", "0.10");
    long failed = Long.parseLong(result.get("failed"));
    assertThat(failed).isEqualTo(missingOrPrivate());
    assertThat(Long.parseLong(result.get("done"))).isEqualTo(CREATORS - failed);
  }

  @Test
  void should_refuse_before_touching_a_server_when_concurrency_exceeds_the_demo_platform() {
    BenchmarkRun run =
        BenchmarkRun.exactly(
            "latency",
            "--concurrency",
            "129",
            "--postgres-url",
            "jdbc:postgresql://127.0.0.1:1/none",
            "--redis-url",
            "redis://127.0.0.1:1");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--concurrency must be from 1 to 128");
    assertThat(run.out()).doesNotContain("RESULT");
  }

  @Test
  void should_refuse_when_the_budget_is_not_a_budget() {
    BenchmarkRun run = BenchmarkRun.of("latency", "--budget", "5 per fortnight");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--budget: request budget").contains("or none");
  }

  @Test
  void should_refuse_when_the_latency_has_no_unit() {
    BenchmarkRun run = BenchmarkRun.of("latency", "--latency", "50");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("'50' is not a duration");
  }

  /** The demo platform's missing and private accounts among the seed's handles, creator.1 on. */
  private static long missingOrPrivate() {
    return IntStream.rangeClosed(1, CREATORS)
        .mapToObj(n -> Handle.of(Platform.INSTAGRAM, "creator." + n))
        .filter(handle -> DemoPlatform.isMissing(handle) || DemoPlatform.isPrivate(handle))
        .count();
  }

  private static double number(Map<String, String> result, String key) {
    return Double.parseDouble(result.get(key));
  }
}
