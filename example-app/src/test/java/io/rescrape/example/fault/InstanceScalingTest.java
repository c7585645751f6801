package io.rescrape.example.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whether adding instances speeds a job up: the same job run by one {@code serve} process, then by
 * three. A benchmark, so it prints its figures and asserts only correctness; {@code
 * scripts/fault-test.sh} runs it ({@code -Drescrape.fault.scaling=true}).
 */
@EnabledIfSystemProperty(named = "rescrape.fault.scaling", matches = "true")
class InstanceScalingTest {

  @TempDir Path dir;

  @Test
  void should_finish_sooner_with_more_instances() {
    FaultScenario base = FaultScenario.fromSystemProperties(2_000, 0);
    double one = run(base, 1);
    double three = run(base, 3);
    System.out.printf(
        Locale.ROOT,
        "FAULT RESULT scaling: %,d creators at %d ms, %d workers per platform per instance:"
            + " 1 instance %.1f s, 3 instances %.1f s (%.2fx)%n",
        base.creators(),
        base.latency().toMillis(),
        base.workers(),
        one,
        three,
        one / three);
  }

  private double run(FaultScenario base, int instances) {
    FaultScenario scenario =
        new FaultScenario(
            base.creators(),
            base.latency(),
            instances,
            base.workers(),
            base.lease(),
            0,
            base.seed());
    try (FaultHarness harness = FaultHarness.prepare(scenario, dir.resolve("x" + instances))) {
      long started = System.nanoTime();
      harness.startInstances();
      harness.awaitCompleted(Duration.ofMinutes(10));
      double seconds = (System.nanoTime() - started) / 1e9;
      FaultHarness.Outcome outcome = harness.outcome();
      assertThat(outcome.lost()).isZero();
      assertThat(outcome.neverScraped()).isZero();
      assertThat(outcome.scrapedTwice()).isZero();
      return seconds;
    }
  }
}
