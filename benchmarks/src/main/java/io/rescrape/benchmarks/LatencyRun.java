package io.rescrape.benchmarks;

import io.rescrape.core.Rescrape;
import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.JobProgress;
import io.rescrape.core.domain.JobStatus;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.ScrapeOutcome;
import io.rescrape.core.event.CreatorFailed;
import io.rescrape.core.event.CreatorScraped;
import io.rescrape.core.event.RescrapeEvent;
import io.rescrape.core.port.ProfileScraper;
import io.rescrape.core.service.RunReport;
import io.rescrape.core.service.RunnerSettings;
import io.rescrape.example.AppEnvironment.PlatformHttp;
import io.rescrape.example.demo.DemoPlatform;
import io.rescrape.jdbc.JdbcStores;
import io.rescrape.redis.RedisLink;
import io.rescrape.redis.RedisPlatformGate;
import io.rescrape.redis.RedisWorkQueue;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * A day's job as a deployment with Redis runs it, against the demo platform: creators in
 * PostgreSQL, items dispatched and each platform's request budget kept in Redis, and the real HTTP
 * scrapers sending every request to the {@link DemoPlatform} on 127.0.0.1, which answers after the
 * set latency.
 */
final class LatencyRun {

  /** How long a request may take beyond the latency before the scraper gives up on it. */
  private static final Duration TIMEOUT_MARGIN = Duration.ofSeconds(10);

  private final ServerOptions servers;
  private final Duration latency;
  private final RunnerSettings settings;
  private final Clock clock = Clock.systemUTC();
  private final AtomicLong finished = new AtomicLong();
  private final AtomicLong scraped = new AtomicLong();
  private final AtomicLong scrapeNanos = new AtomicLong();
  private final Map<Platform, Long> lastResultNanos = new ConcurrentHashMap<>();

  private LatencyRun(ServerOptions servers, Duration latency, RunnerSettings settings) {
    this.servers = servers;
    this.latency = latency;
    this.settings = settings;
  }

  /**
   * What the run measured.
   *
   * @param jobItems the job's creators per platform
   * @param seconds wall time of {@code runner().run(job)}, from its call to the job COMPLETED
   * @param progress the job's item counts at the end
   * @param failures failed creators by reason
   * @param lastResultSeconds per platform, when its last result was written, from the start
   * @param meanScrapeSeconds how long a successful scrape took on average, the latency included
   * @param requests profile requests the demo platform received
   */
  record Measured(
      Map<Platform, Integer> jobItems,
      double seconds,
      JobProgress progress,
      Map<ScrapeOutcome, Long> failures,
      Map<Platform, Double> lastResultSeconds,
      double meanScrapeSeconds,
      long requests) {}

  /**
   * Seeds {@code creators} never-scraped creators in a schema and key prefix of its own, plans the
   * day's job, which holds them all, and runs it to its end.
   *
   * @param settings the runner's concurrency and budgets
   * @param planned told of the job and its creators per platform before it runs, so that the bound
   *     can be printed first
   * @throws BenchmarkException when the job does not hold every creator, or does not complete
   */
  static Measured run(
      ServerOptions servers,
      int creators,
      Duration latency,
      RunnerSettings settings,
      BiConsumer<DailyJob, Map<Platform, Integer>> planned) {
    return new LatencyRun(servers, latency, settings).run(creators, planned);
  }

  private Measured run(int creators, BiConsumer<DailyJob, Map<Platform, Integer>> planned) {
    try (BenchDatabase database = BenchDatabase.create(servers);
        BenchRedis redis = BenchRedis.create(servers);
        DemoPlatform demo = DemoPlatform.start(latency);
        // One link for dispatch and the budget gate, as the example service wires them.
        RedisLink link = new RedisLink(redis.settings(), clock);
        RedisWorkQueue queue = new RedisWorkQueue(database.stores().queue(), link);
        Rescrape rescrape = rescrape(database.stores(), queue, link, demo)) {
      CreatorSeed.neverScraped(database, creators);
      DailyJob job = planAll(rescrape, creators);
      Map<Platform, Integer> jobItems = itemsByPlatform(database.stores(), job);
      planned.accept(job, jobItems);

      long started = System.nanoTime();
      RunReport report;
      try (ProgressTicker ticker = ProgressTicker.start("job", creators, finished::get)) {
        report = rescrape.runner().run(job.id());
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      checkCompleted(report, creators);
      return new Measured(
          jobItems,
          seconds,
          report.progress(),
          report.failures(),
          secondsSince(started),
          scrapeNanos.get() / 1e9 / Math.max(1, scraped.get()),
          demo.requestCount());
    }
  }

  private Rescrape rescrape(
      JdbcStores stores, RedisWorkQueue queue, RedisLink link, DemoPlatform demo) {
    return stores
        .builder()
        .workQueue(queue)
        .platformGate(new RedisPlatformGate(link, clock))
        .clock(clock)
        .runner(settings)
        .scrapers(scrapers(demo))
        .listener(this::onEvent)
        .build();
  }

  /** The real HTTP scrapers, pointed at the demo platform, wired as the example app wires them. */
  private List<ProfileScraper> scrapers(DemoPlatform demo) {
    // The scrapers' 10 s default would cut off a long --latency: the timeout must not shape it.
    PlatformHttp http = new PlatformHttp(Map.of(), null, latency.plus(TIMEOUT_MARGIN));
    return List.of(
        http.scraper(Platform.INSTAGRAM, demo.baseUri(Platform.INSTAGRAM), clock),
        http.scraper(Platform.TIKTOK, demo.baseUri(Platform.TIKTOK), clock));
  }

  private void onEvent(RescrapeEvent event) {
    if (event instanceof CreatorScraped success) {
      scraped.incrementAndGet();
      scrapeNanos.addAndGet(success.took().toNanos());
      finishedOn(success.platform());
    } else if (event instanceof CreatorFailed failed) {
      finishedOn(failed.platform());
    }
  }

  private void finishedOn(Platform platform) {
    finished.incrementAndGet();
    lastResultNanos.put(platform, System.nanoTime());
  }

  private Map<Platform, Double> secondsSince(long startedNanos) {
    Map<Platform, Double> seconds = new EnumMap<>(Platform.class);
    lastResultNanos.forEach((platform, at) -> seconds.put(platform, (at - startedNanos) / 1e9));
    return seconds;
  }

  private DailyJob planAll(Rescrape rescrape, int creators) {
    DailyJob job = rescrape.planner().planDay(rescrape.policy().dateOf(clock.instant())).job();
    if (job == null || job.totalItems() != creators) {
      throw new BenchmarkException(
          "the day's job should hold all "
              + creators
              + " never-scraped creators, but holds "
              + (job == null ? "none" : job.totalItems()));
    }
    return job;
  }

  private static Map<Platform, Integer> itemsByPlatform(JdbcStores stores, DailyJob job) {
    Map<Platform, JobProgress> progress = stores.jobs().progressByPlatform(job.id());
    Map<Platform, Integer> items = new EnumMap<>(Platform.class);
    for (Platform platform : Platform.values()) {
      items.put(
          platform, Math.toIntExact(progress.getOrDefault(platform, JobProgress.EMPTY).total()));
    }
    return items;
  }

  /** Every creator ends DONE or FAILED (the demo platform's missing and private accounts). */
  private static void checkCompleted(RunReport report, int creators) {
    JobProgress progress = report.progress();
    boolean allFinished = progress.done() + progress.failed() == creators;
    if (report.job().status() != JobStatus.COMPLETED || !allFinished) {
      throw new BenchmarkException(
          "job "
              + report.job().id()
              + " ended "
              + report.job().status()
              + " with "
              + progress
              + "; expected COMPLETED with done + failed = "
              + creators);
    }
  }
}
