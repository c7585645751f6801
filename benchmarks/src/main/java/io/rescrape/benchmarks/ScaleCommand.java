package io.rescrape.benchmarks;

import io.rescrape.core.domain.Platform;
import io.rescrape.core.service.RunnerSettings;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code scale}: the {@code drain} of Rescrape again, by 1, 2, 3 ... instances, each a JVM of its
 * own sharing the PostgreSQL and the Redis, to see how items per second grow with instances.
 */
@Command(
    name = "scale",
    mixinStandardHelpOptions = true,
    description = {
      "Drains N creators, all due, with instant scrapers, once per instance count: each round a",
      "fresh schema and key prefix, the day's job planned and opened to Redis, then that many JVMs",
      "running the job together with Rescrape's default runner, timed from their joint start",
      "until the job is COMPLETED in the ledger. Speed-ups are against the first count given.",
      "Ends with: RESULT scale creators=N instances_1_per_s=... instances_2_per_s=... ...",
      "speedup_2=... speedup_3=..."
    })
final class ScaleCommand implements Callable<Integer> {

  private static final int MAX_INSTANCES = 16;

  @Mixin ServerOptions servers;

  @Option(
      names = "--creators",
      paramLabel = "N",
      defaultValue = "50000",
      description =
          "creators to drain in each round (default: ${DEFAULT-VALUE}, a round of under a minute"
              + " on two cores, start-up and clean-up included)")
  int creators;

  @Option(
      names = "--instances",
      paramLabel = "K",
      split = ",",
      defaultValue = "1,2,3",
      description = "instance counts, one round each, in this order (default: ${DEFAULT-VALUE})")
  List<Integer> instances;

  @Override
  public Integer call() {
    checkOptions();
    RunnerSettings settings = RunnerSettings.defaults();
    System.out.printf(
        "scale: %,d creators per round, with %s instance(s); each instance a JVM with Rescrape's"
            + " default runner (%d workers per platform) and a pool of %d connections%n",
        creators,
        instances.stream().map(String::valueOf).collect(Collectors.joining(", ")),
        settings.concurrencyOf(Platform.INSTAGRAM),
        servers.poolSize);

    Map<Integer, DrainRun> runs = new LinkedHashMap<>();
    for (int count : instances) {
      runs.put(count, round(count));
    }
    result(runs).print();
    return 0;
  }

  private DrainRun round(int count) {
    // The instances share the machine's CPUs with the servers: other load skews the figures.
    OperatingSystemMXBean machine = ManagementFactory.getOperatingSystemMXBean();
    System.out.printf(
        Locale.ROOT,
        "round with %s (load average %.2f on %d CPUs):%n",
        ScaleRound.label(count),
        machine.getSystemLoadAverage(),
        machine.getAvailableProcessors());
    long began = System.nanoTime();
    DrainRun run = ScaleRound.run(servers, creators, count);
    System.out.printf(
        Locale.ROOT,
        "  round over in %.1f s, with seeding, start-up, exit and clean-up%n",
        (System.nanoTime() - began) / 1e9);
    return run;
  }

  private void checkOptions() {
    if (creators < 1 || creators > 10_000_000) {
      throw new BenchmarkException("--creators must be from 1 to 10,000,000, not " + creators);
    }
    for (int count : instances) {
      if (count < 1 || count > MAX_INSTANCES) {
        throw new BenchmarkException(
            "--instances takes counts from 1 to " + MAX_INSTANCES + ", not " + count);
      }
    }
    if (new HashSet<>(instances).size() != instances.size()) {
      throw new BenchmarkException("--instances names a count twice: " + instances);
    }
    int most = instances.stream().mapToInt(Integer::intValue).max().orElse(1);
    int connections = servers.poolSize * (most + 1); // each instance's pool, and the parent's
    if (connections > MAX_CONNECTIONS) {
      throw new BenchmarkException(
          "--pool-size "
              + servers.poolSize
              + " with "
              + most
              + " instances and this process needs "
              + connections
              + " PostgreSQL connections; keep it to "
              + MAX_CONNECTIONS
              + " (PostgreSQL allows 100 by default): a smaller --pool-size or fewer instances");
    }
  }

  /** Connections a round may hold at once, leaving some of PostgreSQL's default 100 to others. */
  private static final int MAX_CONNECTIONS = 80;

  /** Items per second for each count, then each later count's speed-up over the first. */
  private Result result(Map<Integer, DrainRun> runs) {
    Result result = Result.of("scale").put("creators", creators);
    runs.forEach((count, run) -> result.put("instances_" + count + "_per_s", run.perSecond(), 0));
    DrainRun first = runs.get(instances.get(0));
    runs.forEach(
        (count, run) -> {
          if (run != first) {
            result.put("speedup_" + count, run.perSecond() / first.perSecond(), 2);
          }
        });
    return result;
  }
}
