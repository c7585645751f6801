package io.rescrape.example.cli;

import io.rescrape.core.domain.InvalidInputException;
import io.rescrape.example.AppEnvironment;
import io.rescrape.example.demo.DemoThrottle;
import io.rescrape.redis.RedisSettings;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * A command that runs against an {@link AppEnvironment} built from the common options. On Ctrl-C or
 * SIGTERM it stops the work cleanly (a running job is interrupted with its results written) and the
 * process exits only once the command has closed its database.
 */
abstract class EnvironmentCommand implements Callable<Integer> {

  private static final Duration LONGEST_DEMO_LATENCY = Duration.ofMinutes(1);
  private static final long SHUTDOWN_WAIT_SECONDS = 60;

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    AppEnvironment.Settings settings = settings();
    AtomicReference<AppEnvironment> current = new AtomicReference<>();
    AtomicBoolean stopRequested = new AtomicBoolean();
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook =
        new Thread(() -> stopAndWait(current, stopRequested, finished), "rescrape-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try (AppEnvironment environment = AppEnvironment.open(settings)) {
      current.set(environment);
      if (stopRequested.get()) {
        environment.stop();
        return ExitCodes.ERROR; // stopped while starting: nothing was begun, nothing to report
      }
      return run(environment);
    } finally {
      out().flush();
      finished.countDown();
      removeHook(hook);
    }
  }

  abstract int run(AppEnvironment environment);

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  AppEnvironment.Settings settings() {
    validate();
    validateCommandOptions();
    return new AppEnvironment.Settings(
        common.dataDir,
        common.db,
        common.now,
        common.demo,
        common.demoLatency,
        common.workers(),
        common.scraping.instagramUrl,
        common.scraping.tiktokUrl,
        redisSettings(),
        common.lease,
        scrapes(),
        common.budgets(),
        common.unlimited(),
        common.pauseDeadline,
        demoThrottle(),
        common.scraping.http());
  }

  private @Nullable DemoThrottle demoThrottle() {
    if (common.demoThrottle == null) {
      return null;
    }
    if (!common.demo) {
      throw new InvalidInputException("--demo-throttle needs --demo");
    }
    Converters.DurationConverter durations = new Converters.DurationConverter();
    try {
      return DemoThrottle.parse(common.demoThrottle, durations::convert);
    } catch (TypeConversionException e) {
      throw new InvalidInputException("--demo-throttle: " + e.getMessage());
    }
  }

  private @Nullable RedisSettings redisSettings() {
    if (common.redis == null) {
      return null;
    }
    RedisSettings.Builder redis = RedisSettings.builder(common.redis);
    if (common.redisPrefix != null) {
      redis.keyPrefix(common.redisPrefix);
    }
    return redis.build();
  }

  /** Checks the command's own options before anything is opened; throws on a bad one. */
  void validateCommandOptions() {}

  /** Whether the command scrapes profiles; such commands refuse a demo data dir without --demo. */
  boolean scrapes() {
    return false;
  }

  private void validate() {
    if (common.db != null && !common.db.strip().startsWith("jdbc:")) {
      throw new InvalidInputException(
          "--db must be a JDBC URL such as jdbc:postgresql://127.0.0.1:5432/rescrape?user=rescrape,"
              + " got '"
              + common.db
              + "'");
    }
    if (common.workers != null && (common.workers < 1 || common.workers > 1_024)) {
      throw new InvalidInputException(
          "--workers must be between 1 and 1024, got " + common.workers);
    }
    if (common.redis == null && common.redisPrefix != null) {
      throw new InvalidInputException("--redis-prefix needs --redis URL");
    }
    if (common.lease.compareTo(Duration.ofSeconds(1)) < 0
        || common.lease.compareTo(Duration.ofHours(1)) > 0) {
      throw new InvalidInputException(
          "--lease must be between 1s and 1h, got " + Converters.describe(common.lease));
    }
    if (common.pauseDeadline.compareTo(Duration.ofMinutes(1)) < 0
        || common.pauseDeadline.compareTo(Duration.ofDays(1)) > 0) {
      throw new InvalidInputException(
          "--pause-deadline must be between 1m and 24h, got "
              + Converters.describe(common.pauseDeadline));
    }
    if (common.demoLatency.isNegative() || common.demoLatency.compareTo(LONGEST_DEMO_LATENCY) > 0) {
      throw new InvalidInputException(
          "--demo-latency must be between 0 and 1m, got "
              + Converters.describe(common.demoLatency));
    }
  }

  private static void stopAndWait(
      AtomicReference<AppEnvironment> current,
      AtomicBoolean stopRequested,
      CountDownLatch finished) {
    stopRequested.set(true);
    AppEnvironment environment = current.get();
    if (environment != null) {
      environment.stop();
    }
    try {
      finished.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook runs, and has just been released
    }
  }
}
