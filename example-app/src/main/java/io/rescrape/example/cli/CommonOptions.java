package io.rescrape.example.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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

  @Option(
      names = "--instagram-url",
      paramLabel = "URL",
      description = "Base URL of Instagram (default: ${DEFAULT-VALUE}).",
      defaultValue = "https://www.instagram.com")
  URI instagramUrl;

  @Option(
      names = "--tiktok-url",
      paramLabel = "URL",
      description = "Base URL of TikTok (default: ${DEFAULT-VALUE}).",
      defaultValue = "https://www.tiktok.com")
  URI tiktokUrl;

  public boolean json() {
    return json;
  }

  int workers() {
    if (workers != null) {
      return workers;
    }
    return demo ? 16 : 4;
  }
}
