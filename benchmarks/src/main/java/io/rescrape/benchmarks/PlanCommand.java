package io.rescrape.benchmarks;

import io.rescrape.core.Rescrape;
import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.testing.SettableClock;
import io.rescrape.jdbc.JdbcStores;
import io.rescrape.redis.RedisWorkQueue;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code plan}: a million creators in their steady state, and the time to create one day's job from
 * them (the due creators copied into the ledger inside PostgreSQL) and to enqueue its items into
 * Redis, with the heap's peak meanwhile.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Seeds N creators spread over six weekdays, then times the day's job: planning it in",
      "PostgreSQL (about N/6 due) and enqueueing its items into Redis, and the heap's peak.",
      "Ends with: RESULT plan creators=N due=... plan_s=... enqueue_s=... total_s=... heap_peak_mb=..."
    })
final class PlanCommand implements Callable<Integer> {

  private static final LocalDate DATE = LocalDate.of(2025, 8, 27);
  private static final Instant NINE = Instant.parse("2025-08-27T09:00:00Z");

  @Mixin ServerOptions servers;

  @Option(
      names = "--creators",
      paramLabel = "N",
      defaultValue = "1000000",
      description = "creators in the schedule (default: ${DEFAULT-VALUE})")
  int creators;

  @Override
  public Integer call() {
    if (creators < 6 || creators > 10_000_000) {
      throw new BenchmarkException("--creators must be from 6 to 10,000,000, not " + creators);
    }
    try (BenchDatabase database = BenchDatabase.create(servers);
        BenchRedis redis = BenchRedis.create(servers)) {
      System.out.printf("plan: seeding %,d creators in schema %s%n", creators, database.schema());
      long seeding = System.nanoTime();
      CreatorSeed.steadyState(database, creators, DATE);
      System.out.printf(
          Locale.ROOT, "  seeded in %.1f s; planning %s%n", secondsSince(seeding), DATE);
      measure(database.stores(), redis);
    }
    return 0;
  }

  private void measure(JdbcStores stores, BenchRedis redis) {
    SettableClock clock = new SettableClock(NINE);
    try (RedisWorkQueue queue = new RedisWorkQueue(stores.queue(), redis.settings(), clock);
        Rescrape rescrape = InstantRescrape.builder(stores, queue, clock).build()) {
      HeapPeak.reset();
      long started = System.nanoTime();
      DailyJob job = rescrape.planner().planDay(DATE).job();
      double planSeconds = secondsSince(started);
      if (job == null) {
        throw new BenchmarkException("no creator was due on " + DATE);
      }
      long enqueueStarted = System.nanoTime();
      queue.open(job);
      double enqueueSeconds = secondsSince(enqueueStarted);
      double totalSeconds = secondsSince(started);
      double heapPeak = HeapPeak.mebibytes();

      System.out.printf(
          Locale.ROOT,
          "  job %s: %,d due, planned in %.2f s, enqueued into Redis in %.2f s%n",
          job.id(),
          job.totalItems(),
          planSeconds,
          enqueueSeconds);
      Result.of("plan")
          .put("creators", creators)
          .put("due", job.totalItems())
          .put("plan_s", planSeconds, 2)
          .put("enqueue_s", enqueueSeconds, 2)
          .put("total_s", totalSeconds, 2)
          .put("heap_peak_mb", heapPeak, 0)
          .print();
    }
  }

  private static double secondsSince(long nanos) {
    return (System.nanoTime() - nanos) / 1e9;
  }
}
