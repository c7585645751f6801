package io.rescrape.example;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.rescrape.core.Rescrape;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.RequestBudget;
import io.rescrape.core.domain.StoreException;
import io.rescrape.core.port.ProfileScraper;
import io.rescrape.core.service.RunnerSettings;
import io.rescrape.example.demo.DemoPlatform;
import io.rescrape.example.demo.DemoThrottle;
import io.rescrape.jdbc.JdbcStores;
import io.rescrape.micrometer.RescrapeMetrics;
import io.rescrape.redis.RedisHealth;
import io.rescrape.redis.RedisLink;
import io.rescrape.redis.RedisPlatformGate;
import io.rescrape.redis.RedisSettings;
import io.rescrape.redis.RedisWorkQueue;
import io.rescrape.scraper.HttpInstagramScraper;
import io.rescrape.scraper.HttpScraperSettings;
import io.rescrape.scraper.HttpTikTokScraper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a command needs, wired from its options: the clock, the database and its stores, the
 * scrapers (real platforms, or the demo platform), the metrics, and Rescrape itself. This is the
 * one place that shows how the modules fit together.
 */
public final class AppEnvironment implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AppEnvironment.class);

  private final Clock clock;
  private final HikariDataSource dataSource;
  private final JdbcStores stores;
  private final @Nullable DemoPlatform demoPlatform;
  private final @Nullable RedisLink redis;
  private final @Nullable RedisWorkQueue redisQueue;
  private final @Nullable RedisPlatformGate redisGate;
  private final Rescrape rescrape;
  private final CountDownLatch stopRequested = new CountDownLatch(1);

  // Metrics take two steps: the listener goes to the builder, the gauges bind to what it built.
  private final PrometheusMeterRegistry meterRegistry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final RescrapeMetrics metrics = new RescrapeMetrics(meterRegistry);
  private final JvmGcMetrics gcMetrics;

  private AppEnvironment(Settings settings) {
    this.clock = clock(settings.now());
    this.dataSource = dataSource(settings);
    try {
      this.gcMetrics = bindJvmMetrics(meterRegistry);
      this.stores = JdbcStores.migrateAndCreate(dataSource);
      // One link for dispatch and budgets: one pool, and an outage logged once.
      this.redis = settings.redis() == null ? null : new RedisLink(settings.redis(), clock);
      this.redisQueue = redis == null ? null : new RedisWorkQueue(stores.queue(), redis);
      this.redisGate = redis == null ? null : new RedisPlatformGate(redis, clock);
      this.demoPlatform = settings.demo() ? demoPlatform(settings) : null;
      this.rescrape = rescrape(settings);
      if (settings.scrapes()) {
        DemoSeed.guardScrapes(rescrape, settings.demo());
      }
      if (settings.demo()) {
        DemoSeed.seedIfEmpty(rescrape);
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * What the environment is built from.
   *
   * @param dataDir where the embedded database and the log live
   * @param db a JDBC URL, or null for the embedded H2 file database in {@code dataDir}
   * @param now the instant the clock starts at, or null for the system clock
   * @param demo whether to seed demo creators and scrape the local demo platform
   * @param demoLatency how long the demo platform takes per profile
   * @param workers scrapes in flight per platform
   * @param instagramUrl the base URL of Instagram, when not in demo mode
   * @param tiktokUrl the base URL of TikTok, when not in demo mode
   * @param redis the Redis to dispatch items through, or null for the database alone
   * @param lease how long jobs and items stay with an instance that stopped renewing them
   * @param scrapes whether the command scrapes, so must not aim real platforms at demo creators
   * @param budgets request budgets in place of the scrapers' defaults
   * @param unlimited platforms paced by concurrency alone; with {@code demo}, every platform
   *     without a budget in {@code budgets} is, as the demo platform is local
   * @param pauseDeadline how long a platform may refuse us before its creators are left pending and
   *     the job stops INTERRUPTED
   * @param demoThrottle a throttle for the demo platform to play, or null
   * @param http each platform's headers, proxy and request timeout; a platform without an entry
   *     gets the scraper's defaults
   */
  public record Settings(
      Path dataDir,
      @Nullable String db,
      @Nullable Instant now,
      boolean demo,
      Duration demoLatency,
      int workers,
      URI instagramUrl,
      URI tiktokUrl,
      @Nullable RedisSettings redis,
      Duration lease,
      boolean scrapes,
      Map<Platform, RequestBudget> budgets,
      Set<Platform> unlimited,
      Duration pauseDeadline,
      @Nullable DemoThrottle demoThrottle,
      Map<Platform, PlatformHttp> http) {

    /** Settings without request budgets or demo throttle, as tests against local servers use. */
    public Settings(
        Path dataDir,
        @Nullable String db,
        @Nullable Instant now,
        boolean demo,
        Duration demoLatency,
        int workers,
        URI instagramUrl,
        URI tiktokUrl,
        @Nullable RedisSettings redis,
        Duration lease,
        boolean scrapes) {
      this(
          dataDir,
          db,
          now,
          demo,
          demoLatency,
          workers,
          instagramUrl,
          tiktokUrl,
          redis,
          lease,
          scrapes,
          Map.of(),
          Set.of(),
          RunnerSettings.defaults().pauseDeadline(),
          null,
          Map.of());
    }

    public Settings {
      budgets = Map.copyOf(budgets);
      unlimited = Set.copyOf(unlimited);
      http = Map.copyOf(http);
    }
  }

  /**
   * How one platform's requests are sent.
   *
   * @param headers sent with every request, replacing the scraper's defaults of the same name
   * @param proxy an HTTP proxy to send them through, or null for none
   * @param requestTimeout the longest one request may take
   */
  public record PlatformHttp(
      Map<String, String> headers, @Nullable URI proxy, Duration requestTimeout) {

    public PlatformHttp {
      headers = Map.copyOf(headers);
    }

    /** Defaults for every setting: the scraper's own headers, no proxy, a 10 s timeout. */
    public static final PlatformHttp DEFAULTS =
        new PlatformHttp(Map.of(), null, HttpScraperSettings.DEFAULT_REQUEST_TIMEOUT);

    /**
     * {@return the HTTP scraper of {@code platform} at {@code baseUri}, sending requests this way}
     *
     * @throws io.rescrape.core.domain.InvalidInputException naming a header or proxy that is not
     *     acceptable
     */
    public ProfileScraper scraper(Platform platform, URI baseUri, Clock clock) {
      HttpScraperSettings settings = scraperSettings(baseUri, clock);
      return platform == Platform.INSTAGRAM
          ? new HttpInstagramScraper(settings)
          : new HttpTikTokScraper(settings);
    }

    /**
     * {@return scraper settings for a platform at {@code baseUri}}
     *
     * @throws io.rescrape.core.domain.InvalidInputException naming a header or proxy that is not
     *     acceptable
     */
    public HttpScraperSettings scraperSettings(URI baseUri, Clock clock) {
      HttpScraperSettings.Builder builder =
          HttpScraperSettings.builder(baseUri).clock(clock).requestTimeout(requestTimeout);
      headers.forEach(builder::header);
      if (proxy != null) {
        builder.proxy(proxy);
      }
      return builder.build();
    }
  }

  public static AppEnvironment open(Settings settings) {
    return new AppEnvironment(settings);
  }

  public Rescrape rescrape() {
    return rescrape;
  }

  public Clock clock() {
    return clock;
  }

  public JdbcStores stores() {
    return stores;
  }

  /**
   * {@return the registry of Rescrape's meters and the JVM's, for the HTTP layer to serve as
   * Prometheus text}
   */
  public PrometheusMeterRegistry meterRegistry() {
    return meterRegistry;
  }

  /**
   * Stops all work, from a signal handler: the trigger and worker stop, and a job running in the
   * foreground or background is interrupted cleanly, its results written, ready to resume.
   */
  public void stop() {
    stopRequested.countDown();
    if (rescrape != null) {
      rescrape.close();
    }
  }

  /** Whether {@link #stop()} was called: long commands check it between steps. */
  public boolean isStopRequested() {
    return stopRequested.getCount() == 0;
  }

  /** Blocks until {@link #stop()} is called. */
  public void awaitStop() {
    try {
      stopRequested.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (rescrape != null) {
      rescrape.close();
    }
    if (demoPlatform != null) {
      demoPlatform.close();
    }
    if (redis != null) { // the queue and the gate share it and own nothing else
      redis.close();
    }
    dataSource.close();
    if (gcMetrics != null) {
      gcMetrics.close();
    }
    meterRegistry.close();
  }

  /** The system clock, or one that starts at {@code now} and runs on from there. */
  private static Clock clock(@Nullable Instant now) {
    Clock system = Clock.systemUTC();
    return now == null ? system : Clock.offset(system, Duration.between(system.instant(), now));
  }

  private static HikariDataSource dataSource(Settings settings) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(settings.db() != null ? settings.db() : embeddedUrl(settings.dataDir()));
    // Workers hold no connection while they scrape: claims and batched writes need only a few.
    config.setMaximumPoolSize(10);
    config.setPoolName("rescrape");
    // Try once at start, so that an unreachable database fails at once with its real cause.
    config.setInitializationFailTimeout(1);
    config.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
    if (config.getJdbcUrl().startsWith("jdbc:postgresql:")) {
      // A server that accepts and never answers would otherwise hold a command forever. A
      // parameter of the same name in the URL wins over these.
      config.addDataSourceProperty("loginTimeout", "10");
      config.addDataSourceProperty("socketTimeout", "300");
    }
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new StoreException(
          "could not connect to the database "
              + withoutSecrets(config.getJdbcUrl())
              + ": "
              + cause.getMessage()
              + (isH2InUse(cause)
                  ? " - the embedded database serves one process at a time; use PostgreSQL"
                      + " (--db) to run several"
                  : ""),
          e);
    }
  }

  private static boolean isH2InUse(Throwable cause) {
    return String.valueOf(cause.getMessage()).contains("Database may be already in use");
  }

  /** The URL without its parameters and user info, either of which may hold a password. */
  private static String withoutSecrets(String url) {
    int end = url.length();
    for (char separator : new char[] {'?', ';'}) {
      int at = url.indexOf(separator);
      end = at >= 0 ? Math.min(end, at) : end;
    }
    String base = url.substring(0, end);
    int slashes = base.indexOf("//");
    int at = base.lastIndexOf('@');
    return slashes >= 0 && at > slashes
        ? base.substring(0, slashes + 2) + "***" + base.substring(at)
        : base;
  }

  private static String embeddedUrl(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
    }
    Path file = dataDir.toAbsolutePath().resolve("rescrape");
    // The command closes the database itself on Ctrl-C or SIGTERM, after the interrupted job's
    // results are written; H2 closing it first, from its own shutdown hook, would lose them.
    // WRITE_DELAY=0: a commit is on disk before it returns, so a kill -9 loses no recorded result.
    return "jdbc:h2:file:" + file + ";LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
  }

  private static DemoPlatform demoPlatform(Settings settings) {
    DemoPlatform platform = DemoPlatform.start(settings.demoLatency());
    if (settings.demoThrottle() != null) {
      platform.throttle(settings.demoThrottle());
    }
    return platform;
  }

  private Rescrape rescrape(Settings settings) {
    List<ProfileScraper> scrapers = scrapers(settings);
    RunnerSettings.Builder runner =
        RunnerSettings.builder()
            .concurrency(settings.workers())
            .lease(settings.lease())
            .pauseDeadline(settings.pauseDeadline());
    settings.budgets().forEach(runner::budget);
    for (Platform platform : Platform.values()) {
      boolean local = settings.demo() && !settings.budgets().containsKey(platform);
      if (local || settings.unlimited().contains(platform)) {
        runner.unlimited(platform);
      }
    }
    Rescrape.Builder builder =
        stores
            .builder()
            .workQueue(redisQueue != null ? redisQueue : stores.queue())
            .clock(clock)
            .scrapers(scrapers)
            .runner(runner.build())
            .listener(metrics);
    if (redisGate != null) {
      builder.platformGate(redisGate);
    }
    Rescrape built = builder.build();
    metrics.bindGauges(built);
    return built;
  }

  /**
   * The JVM's memory, garbage collection, threads, processors and uptime; returns what to close.
   */
  private static JvmGcMetrics bindJvmMetrics(PrometheusMeterRegistry registry) {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    return gc;
  }

  /** Redis's health, when Redis is used. */
  public @Nullable RedisHealth redisHealth() {
    return redis == null ? null : redis.health();
  }

  private List<ProfileScraper> scrapers(Settings settings) {
    URI instagram = settings.instagramUrl();
    URI tiktok = settings.tiktokUrl();
    if (demoPlatform != null) {
      instagram = demoPlatform.baseUri(Platform.INSTAGRAM);
      tiktok = demoPlatform.baseUri(Platform.TIKTOK);
      log.info("Demo mode: scraping the local demo platform on port {}", demoPlatform.port());
    }
    return List.of(
        httpOf(settings, Platform.INSTAGRAM).scraper(Platform.INSTAGRAM, instagram, clock),
        httpOf(settings, Platform.TIKTOK).scraper(Platform.TIKTOK, tiktok, clock));
  }

  private static PlatformHttp httpOf(Settings settings, Platform platform) {
    return settings.http().getOrDefault(platform, PlatformHttp.DEFAULTS);
  }
}
