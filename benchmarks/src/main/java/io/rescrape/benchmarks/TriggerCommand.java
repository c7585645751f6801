package io.rescrape.benchmarks;

import io.rescrape.core.service.TriggerSettings;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code trigger}: how late after 09:00 UTC each date's job exists, over many simulated dates fired
 * by the real trigger on a clock that runs in real time; see {@link TriggerSimulation} for why the
 * clock hops between dates and why the hop is never measured.
 */
@Command(
    name = "trigger",
    mixinStandardHelpOptions = true,
    description = {
      "Fires the daily trigger on N simulated dates, each on a clock placed a lead before that",
      "date's 09:00 UTC and then running in real time: the first half in an instance started",
      "then, the rest in one instance left running from date to date. Measures how late after",
      "09:00 each job exists: until the TriggerFired event (after the commit, the ledger's",
      "ANALYZE and the stats pruning), until the DailyJobCreated event (before the pruning) and",
      "until the job's stored createdAt (just before the insert). Target: under 1 s.",
      "Ends with: RESULT trigger days=N lateness_mean_ms=... lateness_p50_ms=...",
      "lateness_max_ms=... ... jobs_created=N"
    })
final class TriggerCommand implements Callable<Integer> {

  private static final Duration SHORTEST_LEAD = Duration.ofMillis(200);
  private static final Duration LONGEST_LEAD = Duration.ofMinutes(10);

  @Spec CommandSpec spec;

  @Mixin ServerOptions servers;

  @Option(
      names = "--days",
      paramLabel = "N",
      defaultValue = "20",
      description = "simulated dates, from 2 to 366 (default: ${DEFAULT-VALUE})")
  int days;

  @Option(
      names = "--lead",
      paramLabel = "DURATION",
      defaultValue = "2s",
      converter = DurationConverter.class,
      description =
          "how long before each date's 09:00 UTC the clock is placed, from 200ms to 10m; each"
              + " date takes about this long (default: ${DEFAULT-VALUE})")
  Duration lead;

  @Option(
      names = "--creators",
      paramLabel = "N",
      defaultValue = "3000",
      description =
          "creators, never scraped and never run, so each date's job holds all of them, from 1"
              + " to 1,000,000 (default: ${DEFAULT-VALUE}, a day's share of 18,000 creators)")
  int creators;

  @Option(
      names = "--max-sleep",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "the trigger's longest sleep (default: the library's, 1m); below --lead, the trigger"
              + " wakes and sleeps again before each instant, as a long-running instance does")
  @Nullable Duration maxSleep;

  @Override
  public Integer call() {
    TriggerPlan plan = validatedPlan();
    printHeader(plan);

    TriggerRun run = TriggerSimulation.run(servers, plan);
    if (run.jobsInStore() != days) {
      throw new BenchmarkException(
          "expected one job per simulated date, " + days + ", but found " + run.jobsInStore());
    }

    result(plan, run).print();
    return 0;
  }

  private TriggerPlan validatedPlan() {
    if (days < 2 || days > 366) {
      throw invalid("--days must be from 2 to 366, not " + days);
    }
    if (creators < 1 || creators > 1_000_000) {
      throw invalid("--creators must be from 1 to 1,000,000, not " + creators);
    }
    if (lead.compareTo(SHORTEST_LEAD) < 0 || lead.compareTo(LONGEST_LEAD) > 0) {
      throw invalid("--lead must be from 200ms to 10m, not " + lead.toMillis() + "ms");
    }
    TriggerSettings defaults = TriggerSettings.defaults();
    if (maxSleep == null) {
      return new TriggerPlan(days, creators, lead, defaults);
    }
    if (maxSleep.isNegative() || maxSleep.isZero()) {
      throw invalid("--max-sleep must be positive, not " + maxSleep.toMillis() + "ms");
    }
    return new TriggerPlan(
        days,
        creators,
        lead,
        new TriggerSettings(defaults.retryDelay(), maxSleep, defaults.missedLookbackDays()));
  }

  private ParameterException invalid(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private static void printHeader(TriggerPlan plan) {
    System.out.printf(
        Locale.ROOT,
        "trigger: %d dates from %s, each fired at 09:00 UTC on a clock placed %,d ms before it;"
            + " %d in a just-started instance, %d in one left running; %,d creators; trigger"
            + " maxSleep %,d ms; job worker not started%n",
        plan.days(),
        TriggerPlan.FIRST_DATE,
        plan.lead().toMillis(),
        plan.startedDays(),
        plan.days() - plan.startedDays(),
        plan.creators(),
        plan.settings().maxSleep().toMillis());
  }

  private static Result result(TriggerPlan plan, TriggerRun run) {
    List<TriggerDay> measured = run.days();
    LatenessStats fired = stats(measured, TriggerDay::fired);
    LatenessStats announced = stats(measured, TriggerDay::announced);
    LatenessStats createdAt = stats(measured, TriggerDay::createdAt);
    return Result.of("trigger")
        .put("days", plan.days())
        .put("lateness_mean_ms", fired.meanMs(), 2)
        .put("lateness_p50_ms", fired.p50Ms(), 2)
        .put("lateness_max_ms", fired.maxMs(), 2)
        .put("started_max_ms", maxOf(measured, TriggerDay.Instance.STARTED), 2)
        .put("running_max_ms", maxOf(measured, TriggerDay.Instance.RUNNING), 2)
        .put("created_at_mean_ms", createdAt.meanMs(), 2)
        .put("created_at_p50_ms", createdAt.p50Ms(), 2)
        .put("created_at_max_ms", createdAt.maxMs(), 2)
        .put("announced_mean_ms", announced.meanMs(), 2)
        .put("announced_p50_ms", announced.p50Ms(), 2)
        .put("announced_max_ms", announced.maxMs(), 2)
        .put("lead_ms", plan.lead().toMillis())
        .put("max_sleep_ms", plan.settings().maxSleep().toMillis())
        .put("creators", plan.creators())
        .put("jobs_created", run.jobsInStore());
  }

  private static LatenessStats stats(List<TriggerDay> days, Function<TriggerDay, Duration> of) {
    return LatenessStats.of(days.stream().map(of).toList());
  }

  /** The largest TriggerFired lateness of the dates whose instance stood so. */
  private static double maxOf(List<TriggerDay> days, TriggerDay.Instance instance) {
    return stats(
            days.stream().filter(day -> day.instance() == instance).toList(), TriggerDay::fired)
        .maxMs();
  }
}
