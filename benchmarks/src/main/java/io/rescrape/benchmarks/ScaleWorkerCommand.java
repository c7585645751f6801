package io.rescrape.benchmarks;

import io.rescrape.core.Rescrape;
import io.rescrape.core.domain.JobId;
import io.rescrape.core.domain.JobStateException;
import io.rescrape.core.domain.JobStatus;
import io.rescrape.core.event.CreatorScraped;
import io.rescrape.core.port.RescrapeEventListener;
import io.rescrape.core.service.RunReport;
import io.rescrape.core.service.RunnerSettings;
import io.rescrape.jdbc.JdbcStores;
import io.rescrape.redis.RedisHealth;
import io.rescrape.redis.RedisWorkQueue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code scale-worker}, hidden from help: one instance of a {@code scale} round, in a JVM that
 * {@link ScaleInstances} started. It connects to the round's schema and key prefix, prints {@value
 * #READY}, waits for {@value #GO} on stdin, runs the round's job with the default runner until the
 * job ends (as its owner or helping the owner), and prints how many creators it scraped itself.
 */
@Command(
    name = ScaleWorkerCommand.NAME,
    hidden = true,
    description = "One instance of a 'scale' round; started by 'scale', not by hand.")
final class ScaleWorkerCommand implements Callable<Integer> {

  static final String NAME = "scale-worker";

  /** Printed once connected: the parent starts its clock only when every instance said it. */
  static final String READY = "READY";

  /** The line on stdin that releases the instance. */
  static final String GO = "go";

  /** Starts the last line: {@code SCRAPED <n>}, the creators this instance scraped. */
  static final String SCRAPED = "SCRAPED";

  @Mixin ServerOptions servers;

  @Option(names = "--schema", required = true, description = "the round's schema")
  String schema;

  @Option(names = "--redis-prefix", required = true, description = "the round's key prefix")
  String redisPrefix;

  @Option(names = "--job", required = true, description = "the id of the round's job")
  long job;

  /**
   * The Rescrape of one {@code scale} instance, wired as {@link RescrapeDrain} wires its own: the
   * schema's stores, Redis dispatch, the default runner, and a scraper per platform that answers at
   * once.
   */
  static Rescrape instance(
      JdbcStores stores, RedisWorkQueue queue, Clock clock, RescrapeEventListener listener) {
    return InstantRescrape.builder(stores, queue, clock)
        .runner(RunnerSettings.defaults())
        .listener(listener)
        .build();
  }

  @Override
  public Integer call() throws IOException {
    Clock clock = Clock.systemUTC();
    JobId jobId = new JobId(job);
    AtomicLong scraped = new AtomicLong();
    try (BenchDatabase database =
            BenchDatabase.attach(servers.postgresUrl, schema, servers.poolSize);
        RedisWorkQueue queue =
            new RedisWorkQueue(
                database.stores().queue(),
                BenchRedis.settings(servers.redisUrl, redisPrefix),
                clock);
        Rescrape rescrape =
            instance(
                database.stores(),
                queue,
                clock,
                event -> {
                  if (event instanceof CreatorScraped) {
                    scraped.incrementAndGet();
                  }
                })) {
      connect(rescrape, queue, jobId);
      System.out.println(READY);
      System.out.flush();
      BufferedReader stdin =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      if (!awaitGo(stdin)) {
        System.out.println("no '" + GO + "' on stdin; leaving job " + job + " alone");
        return 2;
      }
      exitWhenTheParentIsGone(stdin);

      JobStatus ended = run(rescrape, jobId);
      System.out.printf(
          Locale.ROOT,
          "instance %s scraped %,d creators; job %d is %s%n",
          rescrape.runner().instanceId(),
          scraped.get(),
          job,
          ended);
      System.out.println(SCRAPED + " " + scraped.get());
      return ended == JobStatus.COMPLETED ? 0 : 1;
    }
  }

  /**
   * Reads the job and touches Redis before {@value #READY}, so that neither connection is made on
   * the parent's clock.
   */
  private static void connect(Rescrape rescrape, RedisWorkQueue queue, JobId jobId) {
    rescrape.jobs().get(jobId);
    RedisHealth redis = queue.health(); // a ping
    if (!redis.up()) {
      throw new BenchmarkException(
          "Redis at " + redis.uri() + " does not answer (" + redis.reason() + ")");
    }
  }

  private static boolean awaitGo(BufferedReader stdin) throws IOException {
    String line = stdin.readLine();
    return line != null && line.strip().equals(GO);
  }

  /**
   * The parent holds this instance's stdin open until it is done with it. When the pipe closes
   * first, the parent died (a SIGKILL leaves it no time to stop its instances), and an instance
   * left running would drain a job nobody measures.
   */
  private static void exitWhenTheParentIsGone(BufferedReader stdin) {
    Thread watcher =
        new Thread(
            () -> {
              try {
                while (stdin.readLine() != null) {
                  // nothing else is said after go
                }
              } catch (IOException e) {
                // a broken pipe means the same as its end
              }
              System.err.println("the benchmark that started this instance is gone; stopping");
              System.exit(3);
            },
            "parent-watcher");
    watcher.setDaemon(true);
    watcher.start();
  }

  /**
   * Runs the job to its end. With a small job, the other instances may finish it before this one
   * even asks: that is a completed job, not a failure.
   */
  private static JobStatus run(Rescrape rescrape, JobId jobId) {
    try {
      RunReport report = rescrape.runner().run(jobId);
      return report.job().status();
    } catch (JobStateException e) {
      JobStatus status = rescrape.jobs().get(jobId).status();
      if (status != JobStatus.COMPLETED) {
        throw e;
      }
      return status;
    }
  }
}
