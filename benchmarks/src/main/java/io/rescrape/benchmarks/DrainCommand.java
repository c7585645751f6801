package io.rescrape.benchmarks;

import io.rescrape.core.domain.Platform;
import io.rescrape.core.service.RunnerSettings;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code drain}: N creators all due at once and scrapers that answer at once, drained by Rescrape
 * with its default settings and then by db-scheduler with the same threads and pool.
 */
@Command(
    name = "drain",
    mixinStandardHelpOptions = true,
    description = {
      "Drains N creators, all due, with instant scrapers: Rescrape with its default settings",
      "(Redis dispatch, PostgreSQL ledger), then db-scheduler executing N one-time tasks that do",
      "the same writes, with as many threads as Rescrape's workers and the same connection pool.",
      "Ends with: RESULT drain creators=N rescrape_per_s=... dbscheduler_per_s=... ratio=..."
    })
final class DrainCommand implements Callable<Integer> {

  @Mixin ServerOptions servers;

  @Option(
      names = "--creators",
      paramLabel = "N",
      defaultValue = "100000",
      description = "creators to drain, each way (default: ${DEFAULT-VALUE})")
  int creators;

  @Override
  public Integer call() {
    if (creators < 1 || creators > 10_000_000) {
      throw new BenchmarkException("--creators must be from 1 to 10,000,000, not " + creators);
    }
    RunnerSettings settings = RunnerSettings.defaults();
    int threads = workers(settings);
    System.out.printf(
        "drain: %,d creators; Rescrape's default runner (%d workers: %d per platform), db-scheduler"
            + " with %d threads; a pool of %d connections each%n",
        creators, threads, settings.concurrencyOf(Platform.INSTAGRAM), threads, servers.poolSize);

    DrainRun rescrape = RescrapeDrain.run(servers, creators, settings);
    System.out.printf(
        Locale.ROOT, "  Rescrape: %,d in %.2f s%n", rescrape.items(), rescrape.seconds());
    DrainRun dbScheduler = DbSchedulerDrain.run(servers, creators, threads);
    System.out.printf(
        Locale.ROOT, "  db-scheduler: %,d in %.2f s%n", dbScheduler.items(), dbScheduler.seconds());

    Result.of("drain")
        .put("creators", creators)
        .put("threads", threads)
        .put("pool", servers.poolSize)
        .put("rescrape_s", rescrape.seconds(), 2)
        .put("rescrape_per_s", rescrape.perSecond(), 0)
        .put("dbscheduler_s", dbScheduler.seconds(), 2)
        .put("dbscheduler_per_s", dbScheduler.perSecond(), 0)
        .put("ratio", rescrape.perSecond() / dbScheduler.perSecond(), 2)
        .print();
    return 0;
  }

  private static int workers(RunnerSettings settings) {
    int total = 0;
    for (Platform platform : Platform.values()) {
      total += settings.concurrencyOf(platform);
    }
    return total;
  }
}
