package io.rescrape.benchmarks;

import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.InvalidInputException;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.RequestBudget;
import io.rescrape.core.domain.ScrapeOutcome;
import io.rescrape.core.service.RunnerSettings;
import io.rescrape.example.demo.DemoPlatform;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code latency}: a day's job of N creators on the demo platform, whose every answer takes the set
 * latency, run by Rescrape with a concurrency and a request budget per platform; its wall time is
 * set against the bound those three impose.
 *
 * <p>The bound is {@link LatencyBound}'s, for each platform's share of the job, and the job's bound
 * is the larger of the two, as the platforms are worked side by side: request {@code k} of a
 * platform cannot start before {@code max(start[k-c] + L, start[k-B] + W)}, and the last ends
 * {@code L} after it starts. The creators are all never scraped, so the day's job holds every one
 * of them, as on the first day after an import: the largest job the reference deployment's 1,755
 * creators can make, which makes the runner's overhead easiest to see.
 */
@Command(
    name = "latency",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a day's job of N never-scraped creators, half per platform, through the",
      "real HTTP scrapers against the demo platform on 127.0.0.1, which answers each",
      "request after --latency, with --concurrency scrapes in flight and a --budget",
      "per platform; items are dispatched and budgets kept in Redis. Reports the",
      "job's wall time against the bound latency, concurrency and budget set:",
      "request k of a platform starts no earlier than",
      "max(start[k-c] + L, start[k-B] + W), and the last ends L later.",
      "Ends with: RESULT latency ... bound_s=... wall_s=... over_bound_pct=..."
    })
final class LatencyCommand implements Callable<Integer> {

  /** The demo platform answers this many requests at once, shared by the two platforms. */
  private static final int MAX_CONCURRENCY =
      DemoPlatform.MAX_CONCURRENT_REQUESTS / Platform.values().length;

  private static final Duration MIN_LATENCY = Duration.ofMillis(1);
  private static final Duration MAX_LATENCY = Duration.ofMinutes(1);

  /** The target: the wall time within this much of the bound. */
  private static final double TARGET_PCT = 15;

  @Spec CommandSpec spec;

  @Mixin ServerOptions servers;

  @Option(
      names = "--creators",
      paramLabel = "N",
      defaultValue = "1755",
      description =
          "creators, all due in the day's job, half on each platform (default: ${DEFAULT-VALUE},"
              + " the reference deployment's total)")
  int creators;

  @Option(
      names = "--latency",
      paramLabel = "DURATION",
      defaultValue = "2.5s",
      converter = DurationConverter.class,
      description =
          "how long the demo platform takes to answer each request, 1ms to 1m (default:"
              + " ${DEFAULT-VALUE}, about a real platform's)")
  Duration latency;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      defaultValue = "16",
      description =
          "scrapes in flight per platform, 1 to 128, the demo platform answering 256 at once"
              + " (default: ${DEFAULT-VALUE}, as in the example app's quick start)")
  int concurrency;

  @Option(
      names = "--budget",
      paramLabel = "N/WINDOW",
      defaultValue = "300/1m",
      description =
          "request budget per platform, such as 300/1m or 5/10s, or none (default:"
              + " ${DEFAULT-VALUE}: below the 6.4 requests a second that 16 in flight at 2.5 s"
              + " could send, so the budget binds)")
  String budget;

  @Override
  public Integer call() {
    Optional<RequestBudget> perPlatform = validate();
    RunnerSettings settings = settings(perPlatform);
    System.out.printf(
        Locale.ROOT,
        "latency: %,d creators, all due in one day's job, on the demo platform at %s a request;"
            + " per platform %d in flight and %s%n",
        creators,
        seconds(latency),
        concurrency,
        perPlatform.map(b -> "a budget of " + b).orElse("no budget"));

    LatencyRun.Measured measured =
        LatencyRun.run(
            servers,
            creators,
            latency,
            settings,
            (job, items) -> printBound(job, items, perPlatform));
    double bound = bound(measured.jobItems(), perPlatform);
    printOutcome(measured, bound);
    result(measured, bound, perPlatform).print();
    return 0;
  }

  private Optional<RequestBudget> validate() {
    if (creators < 1 || creators > 1_000_000) {
      throw invalid("--creators must be from 1 to 1,000,000, not " + creators);
    }
    if (latency.compareTo(MIN_LATENCY) < 0 || latency.compareTo(MAX_LATENCY) > 0) {
      throw invalid("--latency must be from 1ms to 1m, not " + seconds(latency));
    }
    if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
      // Beyond it, requests would queue inside the demo platform and the bound would not hold.
      throw invalid(
          "--concurrency must be from 1 to "
              + MAX_CONCURRENCY
              + " (the demo platform answers "
              + DemoPlatform.MAX_CONCURRENT_REQUESTS
              + " requests at once over both platforms), not "
              + concurrency);
    }
    if (budget.strip().equalsIgnoreCase("none")) {
      return Optional.empty();
    }
    try {
      return Optional.of(RequestBudget.parse(budget));
    } catch (InvalidInputException e) {
      throw invalid("--budget: " + e.getMessage() + ", or none");
    }
  }

  private ParameterException invalid(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private RunnerSettings settings(Optional<RequestBudget> perPlatform) {
    RunnerSettings.Builder builder = RunnerSettings.builder().concurrency(concurrency);
    for (Platform platform : Platform.values()) {
      if (perPlatform.isPresent()) {
        builder.budget(platform, perPlatform.get());
      } else {
        // Otherwise the scrapers' own budgets (200 and 400 an hour) would pace the demo platform.
        builder.unlimited(platform);
      }
    }
    return builder.build();
  }

  /** The job's bound: the slower platform's, as the platforms are worked side by side. */
  private double bound(Map<Platform, Integer> items, Optional<RequestBudget> perPlatform) {
    double bound = 0;
    for (Platform platform : Platform.values()) {
      bound =
          Math.max(
              bound, LatencyBound.seconds(items.get(platform), concurrency, latency, perPlatform));
    }
    return bound;
  }

  /** Prints how the bound follows from each platform's share of the job. */
  private void printBound(
      DailyJob job, Map<Platform, Integer> items, Optional<RequestBudget> perPlatform) {
    System.out.printf(
        Locale.ROOT,
        "  job %s holds %,d creators; bound: request k of a platform starts at %s,"
            + " the last ends %s later%n",
        job.id(),
        job.totalItems(),
        startFormula(perPlatform),
        seconds(latency));
    for (Platform platform : Platform.values()) {
      printPlatformBound(platform, items.get(platform), perPlatform);
    }
    System.out.printf(
        Locale.ROOT,
        "  bound %.2f s, the slower platform's; running the job%n",
        bound(items, perPlatform));
  }

  /** One platform's bound, beside what latency alone and the budget alone would allow. */
  private void printPlatformBound(Platform platform, int n, Optional<RequestBudget> perPlatform) {
    String budgetAlone =
        perPlatform
            .map(
                b ->
                    String.format(
                        Locale.ROOT,
                        "; budget alone, floor((n-1)/B)*W + L: %.2f s",
                        LatencyBound.budgetAlone(n, latency, b)))
            .orElse("");
    System.out.printf(
        Locale.ROOT,
        "    %-9s %,6d creators: %.2f s (latency alone, ceil(n/c)*L: %.2f s%s)%n",
        platform.id(),
        n,
        LatencyBound.seconds(n, concurrency, latency, perPlatform),
        LatencyBound.latencyAlone(n, concurrency, latency),
        budgetAlone);
  }

  private String startFormula(Optional<RequestBudget> perPlatform) {
    String free = "start[k-" + concurrency + "] + " + seconds(latency);
    return perPlatform
        .map(b -> "max(" + free + ", start[k-" + b.requests() + "] + " + seconds(b.window()) + ")")
        .orElse(free);
  }

  private void printOutcome(LatencyRun.Measured measured, double bound) {
    System.out.printf(
        Locale.ROOT,
        "  COMPLETED in %.1f s: %,d done, %,d failed%s; %,d requests to the demo platform%n",
        measured.seconds(),
        measured.progress().done(),
        measured.progress().failed(),
        reasons(measured.failures()),
        measured.requests());
    System.out.printf(
        Locale.ROOT,
        "    a successful scrape took %.3f s on average, for a latency of %s%n",
        measured.meanScrapeSeconds(),
        seconds(latency));
    measured
        .lastResultSeconds()
        .forEach(
            (platform, at) ->
                System.out.printf(
                    Locale.ROOT, "    last %s result written at %.1f s%n", platform.id(), at));
    double over = overPercent(measured.seconds(), bound);
    System.out.printf(
        Locale.ROOT,
        "  wall %.2f s against the bound %.2f s: %.1f %% over, %s the %.0f %% target%n",
        measured.seconds(),
        bound,
        over,
        over <= TARGET_PCT ? "within" : "outside",
        TARGET_PCT);
  }

  private Result result(
      LatencyRun.Measured measured, double bound, Optional<RequestBudget> perPlatform) {
    return Result.of("latency")
        .put("creators", creators)
        .put("latency_s", latency.toNanos() / 1e9, 3)
        .put("concurrency", concurrency)
        .put("budget", perPlatform.map(RequestBudget::toString).orElse("none"))
        .put("bound_s", bound, 2)
        .put("wall_s", measured.seconds(), 2)
        .put("over_bound_pct", overPercent(measured.seconds(), bound), 1)
        .put("done", measured.progress().done())
        .put("failed", measured.progress().failed())
        .put("requests", measured.requests());
  }

  /** Such as {@code " (NOT_FOUND 17, PRIVATE 18)"}, or nothing when none failed. */
  private static String reasons(Map<ScrapeOutcome, Long> failures) {
    if (failures.isEmpty()) {
      return "";
    }
    StringJoiner joined = new StringJoiner(", ", " (", ")");
    failures.forEach((reason, count) -> joined.add(reason + " " + count));
    return joined.toString();
  }

  private static double overPercent(double wall, double bound) {
    return (wall - bound) / bound * 100;
  }

  /** Such as {@code 2.5 s} or {@code 60 s}: exact, without trailing zeros. */
  private static String seconds(Duration duration) {
    BigDecimal seconds =
        BigDecimal.valueOf(duration.getSeconds()).add(BigDecimal.valueOf(duration.getNano(), 9));
    return seconds.stripTrailingZeros().toPlainString() + " s";
  }
}
