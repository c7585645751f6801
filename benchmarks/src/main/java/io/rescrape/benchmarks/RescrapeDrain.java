package io.rescrape.benchmarks;

import io.rescrape.core.Rescrape;
import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.JobProgress;
import io.rescrape.core.domain.JobStatus;
import io.rescrape.core.event.CreatorScraped;
import io.rescrape.core.service.RunReport;
import io.rescrape.core.service.RunnerSettings;
import io.rescrape.jdbc.JdbcStores;
import io.rescrape.redis.RedisWorkQueue;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rescrape's drain as a deployment runs it: the day's job planned in PostgreSQL, its items
 * dispatched through Redis, worked by {@link RunnerSettings#defaults() the default runner} (claim,
 * scrape, record, acknowledge) until the job completes.
 */
final class RescrapeDrain {

  private RescrapeDrain() {}

  /**
   * Drains {@code creators} never-scraped creators in a schema and key prefix of its own.
   *
   * @param settings the runner's settings: its defaults, unless a benchmark varies them
   * @throws BenchmarkException when the job did not complete with every creator done
   */
  static DrainRun run(ServerOptions servers, int creators, RunnerSettings settings) {
    Clock clock = Clock.systemUTC();
    try (BenchDatabase database = BenchDatabase.create(servers);
        BenchRedis redis = BenchRedis.create(servers)) {
      CreatorSeed.neverScraped(database, creators);
      JdbcStores stores = database.stores();
      AtomicLong scraped = new AtomicLong();
      AtomicLong firstWritten = new AtomicLong();
      AtomicLong lastWritten = new AtomicLong();
      try (RedisWorkQueue queue = new RedisWorkQueue(stores.queue(), redis.settings(), clock);
          Rescrape rescrape =
              InstantRescrape.builder(stores, queue, clock)
                  .runner(settings)
                  .listener(
                      event -> {
                        if (event instanceof CreatorScraped) {
                          // Published once its result is written: these time the writes.
                          long now = System.nanoTime();
                          firstWritten.compareAndSet(0, now);
                          lastWritten.set(now);
                          scraped.incrementAndGet();
                        }
                      })
                  .build()) {
        DailyJob job = rescrape.planner().planDay(rescrape.policy().dateOf(clock.instant())).job();
        if (job == null || job.totalItems() != creators) {
          throw new BenchmarkException("the day's job should hold all " + creators + " creators");
        }
        System.out.printf(
            "  Rescrape: job %s holds %,d creators (schema %s, Redis prefix %s); running it%n",
            job.id(), creators, database.schema(), redis.prefix());

        long started = System.nanoTime();
        RunReport report;
        try (ProgressTicker ticker = ProgressTicker.start("Rescrape", creators, scraped::get)) {
          report = rescrape.runner().run(job.id());
        }
        long ended = System.nanoTime();
        double seconds = (ended - started) / 1e9;
        checkEveryCreatorDone(report, creators);
        printPhases(started, firstWritten.get(), lastWritten.get(), ended);
        return new DrainRun(report.progress().done(), seconds);
      }
    }
  }

  /**
   * Where the run's time went: starting (the enqueue, the first claims and scrapes, the first
   * write), the steady drain, and ending (the lanes seeing nothing left, the job's last writes).
   */
  private static void printPhases(long started, long firstWritten, long lastWritten, long ended) {
    System.out.printf(
        Locale.ROOT,
        "  Rescrape: first results written after %.2f s, the last at %.2f s, the job ended at"
            + " %.2f s%n",
        (firstWritten - started) / 1e9,
        (lastWritten - started) / 1e9,
        (ended - started) / 1e9);
  }

  private static void checkEveryCreatorDone(RunReport report, int creators) {
    JobProgress progress = report.progress();
    if (report.job().status() != JobStatus.COMPLETED || progress.done() != creators) {
      throw new BenchmarkException(
          "Rescrape's job ended "
              + report.job().status()
              + " with "
              + progress
              + ", not "
              + creators
              + " done");
    }
  }
}
