package io.rescrape.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.rescrape.core.Rescrape;
import io.rescrape.core.domain.JobStatus;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.PlatformStatus;
import io.rescrape.core.domain.PlatformStatus.Circuit;
import io.rescrape.core.domain.ScrapeOutcome;
import io.rescrape.core.event.CircuitOpened;
import io.rescrape.core.event.CreatorFailed;
import io.rescrape.core.event.CreatorScraped;
import io.rescrape.core.event.PlatformPaused;
import io.rescrape.core.event.RescrapeEvent;
import io.rescrape.core.event.RetryScheduled;
import io.rescrape.core.event.TriggerFired;
import io.rescrape.core.port.RescrapeEventListener;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * Rescrape's meters in a Micrometer registry. A host wires it in two steps: as the event listener
 * of the Rescrape builder it counts and times what happens, and once Rescrape is built, {@link
 * #bindGauges} adds the gauges that read the stores and the platforms' state.
 *
 * <pre>{@code
 * RescrapeMetrics metrics = new RescrapeMetrics(registry);
 * Rescrape rescrape = Rescrape.builder()
 *     ...
 *     .listener(metrics)   // or RescrapeEventListener.all(metrics, another)
 *     .build();
 * metrics.bindGauges(rescrape);
 * }</pre>
 *
 * <p>The meters, by their Micrometer names; Prometheus writes the dots as underscores, adds {@code
 * _total} to counters and {@code _seconds} to timers. Platform tags hold a platform's id ({@code
 * instagram}); outcome, reason and status tags hold the enum constant ({@code NOT_FOUND}).
 *
 * <ul>
 *   <li>{@code rescrape.items.processed} counter, tags {@code platform}, {@code outcome}: one per
 *       creator a job finished, {@code OK} or the reason it failed
 *   <li>{@code rescrape.items.failed} counter, tags {@code platform}, {@code reason}: creators a
 *       job gave up on
 *   <li>{@code rescrape.items.retried} counter, tags {@code platform}, {@code reason}: attempts
 *       that failed and are tried again after a backoff
 *   <li>{@code rescrape.scrape.latency} timer, tag {@code platform}: successful scrapes, with
 *       histogram buckets from 100 ms to 30 s
 *   <li>{@code rescrape.trigger.lateness} timer: how long after its trigger time each date was
 *       planned, with buckets from 1 s to 12 h
 *   <li>{@code rescrape.platform.pauses} and {@code rescrape.platform.circuit.openings} counters,
 *       tag {@code platform}: throttles that paused a platform, and circuit breakers that opened
 *   <li>{@code rescrape.jobs} gauge, tag {@code status}: jobs in each status, every status present
 *   <li>{@code rescrape.queue.depth} gauge: items of the running job not finished yet, pending or
 *       in progress; 0 when no job runs
 *   <li>{@code rescrape.creators} gauge, tag {@code state}: {@code active} creators on the schedule
 *       and those marked {@code gone}
 *   <li>{@code rescrape.platform.circuit.open} and {@code rescrape.platform.paused} gauges, tag
 *       {@code platform}: 1 while the platform's circuit is open on this instance, or while it is
 *       paused (by a throttle, a configuration alert or an open circuit), else 0
 * </ul>
 *
 * <p>Counters and timers count what happened on this instance since it started; gauges show the
 * stores, which every instance shares, and the platforms as this instance sees them. Every counter
 * and timer series, one per platform and outcome, exists from the start at 0, so rates need no
 * first event. Thread-safe.
 *
 * <p>However often the registry is scraped, the stores are read at most once per cache period (5 s
 * by default) and the platforms' state likewise. A read that fails leaves the gauges at their last
 * values (NaN before the first read) and logs one warning per outage; a gauge never throws.
 *
 * <p>Not counted: creators a job skipped because another job had already refreshed them, since no
 * event says so. Failed scrapes are not timed, since their events carry no duration.
 */
public final class RescrapeMetrics implements RescrapeEventListener {

  /** How long a reading of the stores or of the platforms serves the gauges by default. */
  public static final Duration DEFAULT_CACHE_PERIOD = Duration.ofSeconds(5);

  private static final Duration[] LATENCY_BUCKETS = {
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofSeconds(2),
    Duration.ofSeconds(3),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30)
  };

  private static final Duration[] LATENESS_BUCKETS = {
    Duration.ofSeconds(1),
    Duration.ofSeconds(10),
    Duration.ofMinutes(1),
    Duration.ofMinutes(5),
    Duration.ofMinutes(15),
    Duration.ofHours(1),
    Duration.ofHours(3),
    Duration.ofHours(12)
  };

  private final MeterRegistry registry;
  private final Duration cachePeriod;
  private final AtomicBoolean bound = new AtomicBoolean();

  private final Map<Platform, Map<ScrapeOutcome, Counter>> processed;
  private final Map<Platform, Map<ScrapeOutcome, Counter>> failed;
  private final Map<Platform, Map<ScrapeOutcome, Counter>> retried;
  private final Map<Platform, Counter> pauses;
  private final Map<Platform, Counter> circuitOpenings;
  private final Map<Platform, Timer> latency;
  private final Timer lateness;

  /**
   * Meters in {@code registry}, with the default cache period for gauges.
   *
   * @param registry where the meters are registered; counters and timers at once, gauges by {@link
   *     #bindGauges}
   */
  public RescrapeMetrics(MeterRegistry registry) {
    this(registry, DEFAULT_CACHE_PERIOD);
  }

  /**
   * Meters in {@code registry}.
   *
   * @param registry where the meters are registered; counters and timers at once, gauges by {@link
   *     #bindGauges}
   * @param cachePeriod how long one reading of the stores, or of the platforms, serves the gauges;
   *     measured on the registry clock's monotonic time
   * @throws IllegalArgumentException when the period is negative
   */
  public RescrapeMetrics(MeterRegistry registry, Duration cachePeriod) {
    if (cachePeriod.isNegative()) {
      throw new IllegalArgumentException("cache period must not be negative: " + cachePeriod);
    }
    this.registry = Objects.requireNonNull(registry, "registry");
    this.cachePeriod = cachePeriod;
    Set<ScrapeOutcome> failures = EnumSet.complementOf(EnumSet.of(ScrapeOutcome.OK));
    this.processed =
        outcomeCounters(
            "rescrape.items.processed",
            "outcome",
            "Creators a job finished, OK or the reason it failed",
            EnumSet.allOf(ScrapeOutcome.class));
    this.failed =
        outcomeCounters("rescrape.items.failed", "reason", "Creators a job gave up on", failures);
    this.retried =
        outcomeCounters(
            "rescrape.items.retried",
            "reason",
            "Failed attempts tried again after a backoff",
            failures);
    this.pauses =
        perPlatform(
            p ->
                counter("rescrape.platform.pauses", "Throttles that paused a platform")
                    .tags(platformTag(p))
                    .register(registry));
    this.circuitOpenings =
        perPlatform(
            p ->
                counter(
                        "rescrape.platform.circuit.openings",
                        "Times a platform's circuit breaker opened on this instance")
                    .tags(platformTag(p))
                    .register(registry));
    this.latency = perPlatform(this::latencyTimer);
    this.lateness =
        Timer.builder("rescrape.trigger.lateness")
            .description("How long after its trigger time the daily trigger planned each date")
            .serviceLevelObjectives(LATENESS_BUCKETS)
            .register(registry);
  }

  @Override
  public void onEvent(RescrapeEvent event) {
    if (event instanceof CreatorScraped scraped) {
      processed.get(scraped.platform()).get(ScrapeOutcome.OK).increment();
      latency.get(scraped.platform()).record(scraped.took());
    } else if (event instanceof CreatorFailed failure) {
      processed.get(failure.platform()).get(failure.reason()).increment();
      failed.get(failure.platform()).get(failure.reason()).increment();
    } else if (event instanceof RetryScheduled retry) {
      retried.get(retry.platform()).get(retry.reason()).increment();
    } else if (event instanceof TriggerFired fired) {
      lateness.record(fired.lateness());
    } else if (event instanceof PlatformPaused paused) {
      pauses.get(paused.platform()).increment();
    } else if (event instanceof CircuitOpened opened) {
      circuitOpenings.get(opened.platform()).increment();
    }
  }

  /**
   * Registers the gauges that read {@code rescrape}'s stores and its platforms' state, each reading
   * cached for the cache period.
   *
   * @param rescrape the Rescrape this listener was given to
   * @throws IllegalStateException when the gauges were bound before
   */
  public void bindGauges(Rescrape rescrape) {
    Objects.requireNonNull(rescrape, "rescrape");
    if (!bound.compareAndSet(false, true)) {
      throw new IllegalStateException("the gauges are bound already, to one Rescrape only");
    }
    CachedReading<StoreReadings> stores =
        new CachedReading<>(
            "job and creator counts",
            () -> StoreReadings.of(rescrape),
            registry.config().clock(),
            cachePeriod);
    CachedReading<Map<Platform, PlatformStatus>> platforms =
        new CachedReading<>(
            "the platforms' state",
            () -> statusByPlatform(rescrape),
            registry.config().clock(),
            cachePeriod);
    bindStoreGauges(stores);
    bindPlatformGauges(platforms);
  }

  private void bindStoreGauges(CachedReading<StoreReadings> stores) {
    for (JobStatus status : JobStatus.values()) {
      gauge(
          "rescrape.jobs",
          "Jobs in each status",
          Tags.of("status", status.name()),
          stores,
          r -> r.jobs(status));
    }
    gauge(
        "rescrape.queue.depth",
        "Items of the running job not finished yet; 0 when no job runs",
        Tags.empty(),
        stores,
        StoreReadings::queueDepth);
    gauge(
        "rescrape.creators",
        "Creators on the schedule (active) and marked gone",
        Tags.of("state", "active"),
        stores,
        StoreReadings::activeCreators);
    gauge(
        "rescrape.creators",
        "Creators on the schedule (active) and marked gone",
        Tags.of("state", "gone"),
        stores,
        StoreReadings::goneCreators);
  }

  private void bindPlatformGauges(CachedReading<Map<Platform, PlatformStatus>> platforms) {
    for (Platform platform : Platform.values()) {
      gauge(
          "rescrape.platform.circuit.open",
          "1 while the platform's circuit breaker is open on this instance, else 0",
          platformTag(platform),
          platforms,
          statuses -> isOpen(statuses.get(platform)) ? 1 : 0);
      gauge(
          "rescrape.platform.paused",
          "1 while no request goes to the platform before a pause ends, else 0",
          platformTag(platform),
          platforms,
          statuses -> isPaused(statuses.get(platform)) ? 1 : 0);
    }
  }

  private <T> void gauge(
      String name,
      String description,
      Tags tags,
      CachedReading<T> reading,
      ToDoubleFunction<T> value) {
    Gauge.builder(name, reading, r -> valueOf(r, value))
        .description(description)
        .tags(tags)
        .strongReference(true)
        .register(registry);
  }

  private static <T> double valueOf(CachedReading<T> reading, ToDoubleFunction<T> value) {
    T read = reading.get();
    return read == null ? Double.NaN : value.applyAsDouble(read);
  }

  private static Map<Platform, PlatformStatus> statusByPlatform(Rescrape rescrape) {
    Map<Platform, PlatformStatus> statuses = new EnumMap<>(Platform.class);
    rescrape.runner().platformStatuses().forEach(s -> statuses.put(s.platform(), s));
    return statuses;
  }

  private static boolean isOpen(@Nullable PlatformStatus status) {
    return status != null && status.circuit() == Circuit.OPEN;
  }

  private static boolean isPaused(@Nullable PlatformStatus status) {
    return status != null && status.pausedUntil() != null;
  }

  private Map<Platform, Map<ScrapeOutcome, Counter>> outcomeCounters(
      String name, String tag, String description, Set<ScrapeOutcome> outcomes) {
    return perPlatform(
        platform -> {
          Map<ScrapeOutcome, Counter> counters = new EnumMap<>(ScrapeOutcome.class);
          for (ScrapeOutcome outcome : outcomes) {
            counters.put(
                outcome,
                counter(name, description)
                    .tags(platformTag(platform))
                    .tag(tag, outcome.name())
                    .register(registry));
          }
          return counters;
        });
  }

  private Timer latencyTimer(Platform platform) {
    return Timer.builder("rescrape.scrape.latency")
        .description("How long a successful scrape of a creator's profile took")
        .tags(platformTag(platform))
        .serviceLevelObjectives(LATENCY_BUCKETS)
        .register(registry);
  }

  private static Counter.Builder counter(String name, String description) {
    return Counter.builder(name).description(description);
  }

  private static Tags platformTag(Platform platform) {
    return Tags.of("platform", platform.id());
  }

  private static <V> Map<Platform, V> perPlatform(Function<Platform, V> create) {
    Map<Platform, V> values = new EnumMap<>(Platform.class);
    for (Platform platform : Platform.values()) {
      values.put(platform, create.apply(platform));
    }
    return values;
  }
}
