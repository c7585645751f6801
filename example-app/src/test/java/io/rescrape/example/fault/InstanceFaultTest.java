package io.rescrape.example.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.rescrape.core.domain.JobStatus;
import io.rescrape.example.fault.FaultHarness.Instance;
import io.rescrape.example.fault.FaultHarness.Outcome;
import io.rescrape.example.fault.FaultHarness.Termination;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3's proof, on real processes: three {@code serve} instances share one job on PostgreSQL and
 * Redis while instances die (SIGKILL) or are stopped (SIGTERM) at random moments and come back, or
 * while Redis goes away and comes back. Nothing may be lost or left undone, and only creators
 * leased to a killed instance may be scraped twice. Each test prints its figures as {@code FAULT}
 * lines; {@code scripts/fault-test.sh} runs them at full size.
 */
class InstanceFaultTest {

  private static final Duration PATIENCE = Duration.ofMinutes(10);
  private static final Duration RESTART_AFTER = Duration.ofSeconds(1);

  @TempDir Path dir;

  @Test
  void should_lose_nothing_while_instances_are_killed_and_restarted() {
    FaultScenario scenario = FaultScenario.fromSystemProperties(2_000, 5);
    Random random = new Random(scenario.seed());
    long heldAtKills = 0;
    int kills = 0;
    List<Duration> exits = new ArrayList<>();
    long started = System.nanoTime();
    try (FaultHarness harness = FaultHarness.prepare(scenario, dir);
        TakeoverWatch takeovers = new TakeoverWatch(harness)) {
      print("instances are killed: " + scenario);
      harness.startInstances();
      harness.awaitFinishedShare(0.05, PATIENCE);
      for (int fault = 1; fault <= scenario.faults(); fault++) {
        FaultHarness.sleep(Duration.ofMillis(500 + random.nextInt(2_500)));
        if (harness.jobRow().status() == JobStatus.COMPLETED) {
          print("the job completed before fault " + fault);
          break;
        }
        // Every fourth fault from the second on kills the job's owner, when a live one holds it.
        Instance anyone = harness.instances().get(random.nextInt(scenario.instances()));
        Instance victim = fault % 4 == 2 ? harness.owner().orElse(anyone) : anyone;
        long pid = victim.pid();
        long finished = harness.finished();
        if (fault % 4 == 0) {
          Termination stop = victim.terminate(Duration.ofSeconds(60));
          long heldAfter = harness.heldBy(pid);
          exits.add(stop.took());
          print(
              "fault %d: SIGTERM %s at %d finished: exited %d after %s, still holding %d",
              fault, victim, finished, stop.exitCode(), seconds(stop.took()), heldAfter);
          assertThat(stop.exitCode()).as("exit code after SIGTERM").isEqualTo(143);
          assertThat(heldAfter).as("items a stopped instance kept").isZero();
        } else {
          boolean owned = harness.ownedBy(pid);
          victim.kill();
          long held = harness.heldBy(pid);
          heldAtKills += held;
          kills++;
          takeovers.watch(pid);
          print(
              "fault %d: SIGKILL %s at %d finished: held %d creators%s",
              fault, victim, finished, held, owned ? " and the job" : "");
        }
        FaultHarness.sleep(RESTART_AFTER);
        victim.start();
      }
      harness.awaitCompleted(PATIENCE);
      List<Duration> takeoverTimes = takeovers.awaitAll(PATIENCE);
      Outcome outcome = harness.outcome();
      print(
          "RESULT killed %d times, stopped %d times: lost %d, never scraped %d, scraped twice %d"
              + " (bound: %d held at the kills), most scrapes of one creator %d; kill to takeover"
              + " max %s, mean %s; SIGTERM to exit max %s; job took %s",
          kills,
          exits.size(),
          outcome.lost(),
          outcome.neverScraped(),
          outcome.scrapedTwice(),
          heldAtKills,
          outcome.mostScrapes(),
          seconds(max(takeoverTimes)),
          seconds(mean(takeoverTimes)),
          seconds(max(exits)),
          seconds(Duration.ofNanos(System.nanoTime() - started)));

      assertThat(outcome.lost()).as("creators lost").isZero();
      assertThat(outcome.neverScraped()).as("creators never scraped").isZero();
      assertThat(outcome.scrapedTwice())
          .as("creators scraped twice")
          .isLessThanOrEqualTo((int) heldAtKills);
      assertThat(max(takeoverTimes))
          .as("kill to takeover")
          .isLessThan(scenario.lease().multipliedBy(3));
      assertThat(max(exits)).as("SIGTERM to exit").isLessThan(Duration.ofSeconds(30));
    }
  }

  @Test
  void should_lose_nothing_and_scrape_nothing_twice_through_a_redis_outage() {
    FaultScenario scenario = FaultScenario.fromSystemProperties(1_200, 0);
    long started = System.nanoTime();
    try (FaultHarness harness = FaultHarness.prepare(scenario, dir)) {
      print("Redis goes away: " + scenario);
      harness.startInstances();
      FaultHarness.awaitUntil(PATIENCE, () -> allReportRedisUp(harness), "Redis up everywhere");
      harness.awaitFinishedShare(0.25, PATIENCE);
      long atStop = harness.finished();
      harness.redis().stop();
      long stoppedAt = System.nanoTime();
      harness.awaitFinishedShare(0.5, PATIENCE);
      long duringOutage = harness.finished() - atStop;
      harness.holdScrapes(); // the job must not end before the instances see Redis back
      harness.redis().start();
      FaultHarness.awaitUntil(PATIENCE, () -> allReportRedisUp(harness), "Redis back everywhere");
      Duration outage = Duration.ofNanos(System.nanoTime() - stoppedAt);
      harness.releaseScrapes();
      harness.awaitCompleted(PATIENCE);
      Outcome outcome = harness.outcome();
      Map<String, String> countersAfterOutage = harness.redisCounters();
      long warnings = harness.consoleLinesContaining("is unreachable");
      print(
          "RESULT redis outage: lost %d, never scraped %d, scraped twice %d; Redis stopped at %d"
              + " finished for %s, %d finished through the database meanwhile; counted in Redis"
              + " after it came back: %s; %d outage warnings from %d instances; job took %s",
          outcome.lost(),
          outcome.neverScraped(),
          outcome.scrapedTwice(),
          atStop,
          seconds(outage),
          duringOutage,
          countersAfterOutage,
          warnings,
          scenario.instances(),
          seconds(Duration.ofNanos(System.nanoTime() - started)));

      assertThat(outcome.lost()).as("creators lost").isZero();
      assertThat(outcome.neverScraped()).as("creators never scraped").isZero();
      assertThat(outcome.scrapedTwice()).as("creators scraped twice").isZero();
      assertThat(countersAfterOutage)
          .as("dispatch through Redis after it came back")
          .containsKey("done");
      assertThat(warnings).as("outage warnings").isBetween(1L, (long) scenario.instances());
    }
  }

  private static boolean allReportRedisUp(FaultHarness harness) {
    return harness.instances().stream().allMatch(Instance::reportsRedisUp);
  }

  private void print(String format, Object... args) {
    String line = "FAULT " + String.format(Locale.ROOT, format, args);
    System.out.println(line);
  }

  private static Duration mean(List<Duration> durations) {
    return durations.isEmpty()
        ? Duration.ZERO
        : durations.stream().reduce(Duration.ZERO, Duration::plus).dividedBy(durations.size());
  }

  private static Duration max(List<Duration> durations) {
    return durations.stream().max(Duration::compareTo).orElse(Duration.ZERO);
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }
}
