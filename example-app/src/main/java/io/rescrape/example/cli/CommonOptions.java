package io.rescrape.example.cli;

import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.RequestBudget;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options every command takes. */
public final class CommonOptions {

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Where the embedded database and the log live (default: ${DEFAULT-VALUE}).",
      defaultValue = "rescrape-data")
  Path dataDir;

  @Option(
      names = "--db",
      paramLabel = "JDBC_URL",
      description =
          "The database: an H2 file in the data dir by default, or a PostgreSQL URL such as"
              + " jdbc:postgresql://127.0.0.1:5432/rescrape?user=rescrape.")
  String db;

  @Option(
      names = "--now",
      paramLabel = "INSTANT",
      converter = Converters.InstantConverter.class,
      description =
          "Start the clock at this instant (ISO-8601, e.g. 2025-08-27T09:00:00Z); it runs on from"
              + " there. For demos and reproducible runs.")
  Instant now;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Option(
      names = "--demo",
      description =
          "Seed 1,755 invented creators when the store is empty and scrape a local demo platform"
              + " instead of Instagram and TikTok.")
  boolean demo;

  @Option(
      names = "--demo-latency",
      paramLabel = "DURATION",
      converter = Converters.DurationConverter.class,
      description = "How long the demo platform takes per profile (default: ${DEFAULT-VALUE}).",
      defaultValue = "2.5s")
  Duration demoLatency;

  @Option(
      names = "--workers",
      paramLabel = "N",
      description = "Scrapes in flight at once per platform (default: 4; 16 with --demo).")
  Integer workers;

  @Option(
      names = "--redis",
      paramLabel = "URL",
      description =
          "Dispatch items through Redis, e.g. redis://127.0.0.1:6379 or"
              + " rediss://user:password@host:6380; the database stays the truth and takes over"
              + " when Redis is unreachable.")
  String redis;

  @Option(
      names = "--redis-prefix",
      paramLabel = "NAME",
      description =
          "With --redis: the start of every Redis key (default: rescrape); give each database"
              + " sharing one Redis its own.")
  String redisPrefix;

  @Option(
      names = "--lease",
      paramLabel = "DURATION",
      converter = Converters.DurationConverter.class,
      description =
          "How long a job or an item stays with an instance that stopped renewing it: how soon"
              + " others take over after a crash; 1s to 1h (default: ${DEFAULT-VALUE}). Instances"
              + " compare leases by their own clocks: keep them in sync.",
      defaultValue = "30s")
  Duration lease;

  @Mixin ScraperOptions scraping = new ScraperOptions();

  @Option(
      names = "--instagram-budget",
      paramLabel = "N/WINDOW",
      description =
          "Most requests to Instagram in any window, over all workers and, with --redis, all"
              + " instances: e.g. 200/1h, 60/1m, or none (default: 200/1h; none with --demo).")
  String instagramBudget;

  @Option(
      names = "--tiktok-budget",
      paramLabel = "N/WINDOW",
      description =
          "Most requests to TikTok in any window, as for --instagram-budget (default: 400/1h;"
              + " none with --demo).")
  String tiktokBudget;

  @Option(
      names = "--pause-deadline",
      paramLabel = "DURATION",
      converter = Converters.DurationConverter.class,
      description =
          "How long a platform may throttle us or keep its circuit open before its creators are"
              + " left pending and the job stops INTERRUPTED, to be resumed; 1m to 24h (default:"
              + " ${DEFAULT-VALUE}).",
      defaultValue = "30m")
  Duration pauseDeadline;

  @Option(
      names = "--demo-throttle",
      paramLabel = "PLATFORM:FROM:DURATION",
      description =
          "With --demo: the demo platform answers HTTP 429 from its FROM-th request to PLATFORM"
              + " on, for DURATION, e.g. instagram:20:30s; add :retry-after=10s to name a wait.")
  String demoThrottle;

  public boolean json() {
    return json;
  }

  /** The budgets given; a platform given none is left to the scraper's default. */
  Map<Platform, RequestBudget> budgets() {
    Map<Platform, RequestBudget> budgets = new EnumMap<>(Platform.class);
    budget(instagramBudget).ifPresent(b -> budgets.put(Platform.INSTAGRAM, b));
    budget(tiktokBudget).ifPresent(b -> budgets.put(Platform.TIKTOK, b));
    return budgets;
  }

  /** The platforms given {@code none} as their budget. */
  Set<Platform> unlimited() {
    Set<Platform> unlimited = EnumSet.noneOf(Platform.class);
    if (isNone(instagramBudget)) {
      unlimited.add(Platform.INSTAGRAM);
    }
    if (isNone(tiktokBudget)) {
      unlimited.add(Platform.TIKTOK);
    }
    return unlimited;
  }

  private static Optional<RequestBudget> budget(@Nullable String given) {
    return given == null || isNone(given)
        ? Optional.empty()
        : Optional.of(RequestBudget.parse(given));
  }

  private static boolean isNone(@Nullable String given) {
    return given != null && given.strip().toLowerCase(Locale.ROOT).equals("none");
  }

  int workers() {
    if (workers != null) {
      return workers;
    }
    return demo ? 16 : 4;
  }
}
