package io.rescrape.benchmarks;

import io.rescrape.core.Rescrape;
import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.JobId;
import io.rescrape.core.domain.JobProgress;
import io.rescrape.core.domain.JobStatus;
import io.rescrape.core.service.RunnerSettings;
import io.rescrape.redis.RedisWorkQueue;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One round of {@code scale}: a fresh schema and key prefix, N never-scraped creators, the day's
 * job planned and opened to Redis, then k instances released together. The clock runs from their
 * release until the ledger shows the job COMPLETED, so neither JVM start-up nor the instances' exit
 * is in it.
 */
final class ScaleRound {

  private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

  /** Short against a round of seconds, light for the database: one row read by its key. */
  private static final Duration POLL = Duration.ofMillis(20);

  private static final Duration JOB_TIMEOUT = Duration.ofMinutes(30);

  /**
   * A helper notices that the job ended when it next checks the owner's lease, every third of a
   * lease; the margin covers the flush and release on the way out.
   */
  private static final Duration EXIT_TIMEOUT =
      RunnerSettings.defaults().lease().plus(Duration.ofSeconds(30));

  private ScaleRound() {}

  /**
   * Runs {@code creators} never-scraped creators with {@code count} instances.
   *
   * @throws BenchmarkException when an instance failed, or the job did not complete with every
   *     creator done
   */
  static DrainRun run(ServerOptions servers, int creators, int count) {
    Clock clock = Clock.systemUTC();
    try (BenchDatabase database = BenchDatabase.create(servers);
        BenchRedis redis = BenchRedis.create(servers);
        RedisWorkQueue queue =
            new RedisWorkQueue(database.stores().queue(), redis.settings(), clock);
        Rescrape rescrape =
            ScaleWorkerCommand.instance(database.stores(), queue, clock, event -> {})) {
      DailyJob job = prepare(database, redis, queue, rescrape, creators);
      List<String> options = workerOptions(servers, database, redis, job.id());
      System.out.printf("  starting %d JVM(s); the clock starts when all are ready%n", count);
      try (ScaleInstances instances = ScaleInstances.start(count, options)) {
        instances.awaitReady(READY_TIMEOUT);
        System.out.printf("  %s ready; go%n", label(count));
        double seconds = timeTheJob(instances, rescrape, queue, job.id(), label(count), creators);

        instances.awaitExit(EXIT_TIMEOUT);
        long done = checkEveryCreatorDone(rescrape, job.id(), creators, instances.scraped());
        return report(count, new DrainRun(done, seconds), instances.scraped());
      }
    }
  }

  /** Releases the instances and waits for the job to complete: the part that is timed. */
  private static double timeTheJob(
      ScaleInstances instances,
      Rescrape rescrape,
      RedisWorkQueue queue,
      JobId job,
      String label,
      int creators) {
    long started = System.nanoTime();
    instances.go();
    try (ProgressTicker ticker =
        ProgressTicker.start(label, creators, () -> doneInRedis(queue, job))) {
      awaitCompleted(rescrape, instances, job);
    }
    return (System.nanoTime() - started) / 1e9;
  }

  /** Seeds the creators, plans the job and copies its items to Redis, all before any instance. */
  private static DailyJob prepare(
      BenchDatabase database,
      BenchRedis redis,
      RedisWorkQueue queue,
      Rescrape rescrape,
      int creators) {
    CreatorSeed.neverScraped(database, creators);
    DailyJob planned =
        rescrape.planner().planDay(rescrape.policy().dateOf(rescrape.clock().instant())).job();
    if (planned == null || planned.totalItems() != creators) {
      throw new BenchmarkException("the day's job should hold all " + creators + " creators");
    }
    // Opened as the instances will read it, so that they take Redis's copy for this very job.
    DailyJob job = rescrape.jobs().get(planned.id());
    queue.open(job);
    long queued = redis.queuedItems();
    if (queued != creators) {
      throw new BenchmarkException(
          "opening job " + job.id() + " queued " + queued + " items in Redis, not " + creators);
    }
    System.out.printf(
        "  job %s holds %,d creators (schema %s), all queued in Redis (prefix %s)%n",
        job.id(), creators, database.schema(), redis.prefix());
    return job;
  }

  private static List<String> workerOptions(
      ServerOptions servers, BenchDatabase database, BenchRedis redis, JobId job) {
    return List.of(
        "--postgres-url",
        database.url(),
        "--redis-url",
        redis.url(),
        "--pool-size",
        Integer.toString(servers.poolSize),
        "--schema",
        database.schema(),
        "--redis-prefix",
        redis.prefix(),
        "--job",
        Long.toString(job.value()));
  }

  /** Redis's live counter: cheap enough to read every tick, unlike counting the ledger. */
  private static long doneInRedis(RedisWorkQueue queue, JobId job) {
    return queue.counters(job).getOrDefault("done", 0L);
  }

  /**
   * Polls the ledger until the job is COMPLETED.
   *
   * @throws BenchmarkException when it stopped otherwise, an instance failed, every instance left
   *     without completing it, or the timeout passed
   */
  private static void awaitCompleted(Rescrape rescrape, ScaleInstances instances, JobId id) {
    long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
    while (true) {
      // Read before the job: an instance exits only after the job ended, so the job read next
      // shows that end if they had all exited.
      boolean allExited = instances.allExited();
      JobStatus status = rescrape.jobs().get(id).status();
      if (status == JobStatus.COMPLETED) {
        return;
      }
      if (status == JobStatus.FAILED || status.isTerminal()) {
        throw new BenchmarkException("job " + id + " ended " + status + ", not COMPLETED");
      }
      instances.checkNoneFailed();
      if (allExited) {
        throw new BenchmarkException("every instance exited, and job " + id + " is " + status);
      }
      if (System.nanoTime() > deadline) {
        throw new BenchmarkException("job " + id + " is still " + status + " after " + JOB_TIMEOUT);
      }
      sleep(POLL);
    }
  }

  private static long checkEveryCreatorDone(
      Rescrape rescrape, JobId id, int creators, long scraped) {
    JobProgress progress = rescrape.jobs().progress(id);
    if (progress.done() != creators) {
      throw new BenchmarkException(
          "job " + id + " completed with " + progress + ", not " + creators + " done");
    }
    if (scraped < creators) {
      throw new BenchmarkException(
          "the instances of job "
              + id
              + " say they scraped "
              + scraped
              + " creators between them, fewer than the "
              + creators
              + " done in the ledger");
    }
    return progress.done();
  }

  private static DrainRun report(int count, DrainRun run, long scraped) {
    System.out.printf(
        Locale.ROOT,
        "  %s: %,d done in %.2f s (%,.0f/s); scraped %,d times between them (%,d twice)%n",
        label(count),
        run.items(),
        run.seconds(),
        run.perSecond(),
        scraped,
        scraped - run.items());
    return run;
  }

  static String label(int count) {
    return count == 1 ? "1 instance" : count + " instances";
  }

  private static void sleep(Duration duration) {
    try {
      TimeUnit.MILLISECONDS.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchmarkException("interrupted while waiting for the job to complete", e);
    }
  }
}
