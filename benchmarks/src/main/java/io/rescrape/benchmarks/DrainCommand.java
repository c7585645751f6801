package io.rescrape.benchmarks;

import io.rescrape.core.domain.Platform;
import io.rescrape.core.service.RunnerSettings;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
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

  private static final String RESCRAPE = "rescrape";
  private static final String DB_SCHEDULER = "db-scheduler";

  @Mixin ServerOptions servers;

  @Option(
      names = "--creators",
      paramLabel = "N",
      defaultValue = "100000",
      description = "creators to drain, each way (default: ${DEFAULT-VALUE})")
  int creators;

  @Option(
      names = "--warmup",
      paramLabel = "N",
      defaultValue = "10000",
      description =
          "creators each scheduler drains first, in the same JVM and not counted, so that both are"
              + " measured compiled rather than interpreted; 0 measures them cold (default:"
              + " ${DEFAULT-VALUE})")
  int warmup;

  @Option(
      names = "--only",
      paramLabel = "SCHEDULER",
      description =
          "drain with one scheduler alone: rescrape or db-scheduler (default: both, and their"
              + " ratio)")
  @Nullable String only;

  @Override
  public Integer call() {
    if (creators < 1 || creators > 10_000_000) {
      throw new BenchmarkException("--creators must be from 1 to 10,000,000, not " + creators);
    }
    if (warmup < 0 || warmup > 1_000_000) {
      throw new BenchmarkException("--warmup must be from 0 to 1,000,000, not " + warmup);
    }
    if (only != null && !only.equals(RESCRAPE) && !only.equals(DB_SCHEDULER)) {
      throw new BenchmarkException(
          "--only must be " + RESCRAPE + " or " + DB_SCHEDULER + ", not '" + only + "'");
    }
    RunnerSettings settings = RunnerSettings.defaults();
    int threads = workers(settings);
    System.out.printf(
        "drain: %,d creators; Rescrape's default runner (%d workers: %d per platform), db-scheduler"
            + " with %d threads; a pool of %d connections each%n",
        creators, threads, settings.concurrencyOf(Platform.INSTAGRAM), threads, servers.poolSize);

    Result result =
        Result.of("drain")
            .put("creators", creators)
            .put("warmup", warmup)
            .put("threads", threads)
            .put("pool", servers.poolSize);
    DrainRun rescrape = null;
    DrainRun dbScheduler = null;
    if (runs(RESCRAPE)) {
      warmUp("Rescrape", () -> RescrapeDrain.run(servers, warmup, settings));
      rescrape = RescrapeDrain.run(servers, creators, settings);
      report("Rescrape", "rescrape", rescrape, result);
    }
    if (runs(DB_SCHEDULER)) {
      warmUp("db-scheduler", () -> DbSchedulerDrain.run(servers, warmup, threads));
      dbScheduler = DbSchedulerDrain.run(servers, creators, threads);
      report("db-scheduler", "dbscheduler", dbScheduler, result);
    }
    if (rescrape != null && dbScheduler != null) {
      result.put("ratio", rescrape.perSecond() / dbScheduler.perSecond(), 2);
    }
    result.print();
    return 0;
  }

  private void warmUp(String label, Supplier<DrainRun> drain) {
    if (warmup == 0) {
      return;
    }
    System.out.printf("  %s: warming up with %,d creators, not counted%n", label, warmup);
    DrainRun run = drain.get();
    System.out.printf(Locale.ROOT, "  %s: warm-up took %.2f s%n", label, run.seconds());
  }

  private boolean runs(String scheduler) {
    return only == null || only.equals(scheduler);
  }

  private static void report(String label, String key, DrainRun run, Result result) {
    System.out.printf(Locale.ROOT, "  %s: %,d in %.2f s%n", label, run.items(), run.seconds());
    result.put(key + "_s", run.seconds(), 2).put(key + "_per_s", run.perSecond(), 0);
  }

  private static int workers(RunnerSettings settings) {
    int total = 0;
    for (Platform platform : Platform.values()) {
      total += settings.concurrencyOf(platform);
    }
    return total;
  }
}
