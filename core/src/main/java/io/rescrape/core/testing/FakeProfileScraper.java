package io.rescrape.core.testing;

import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.Profile;
import io.rescrape.core.domain.ProfileStats;
import io.rescrape.core.domain.RequestBudget;
import io.rescrape.core.domain.ScrapeResult;
import io.rescrape.core.port.ProfileScraper;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ProfileScraper} that answers from a script instead of the network, for tests. Unless
 * told otherwise it answers every handle with a successful profile whose counts derive from the
 * handle. It counts calls per handle and the most calls it saw in flight at once. Thread-safe.
 */
public final class FakeProfileScraper implements ProfileScraper {

  private final Platform platform;
  private final Map<Handle, Deque<ScrapeResult>> scripts = new ConcurrentHashMap<>();
  private final Map<Handle, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private volatile Function<Handle, ScrapeResult> fallback = FakeProfileScraper::profileOf;
  private volatile Duration latency = Duration.ZERO;
  private volatile @Nullable RequestBudget budget;

  /**
   * A fake that answers every handle with {@link #profileOf} until scripted otherwise.
   *
   * @param platform the platform it pretends to read
   */
  public FakeProfileScraper(Platform platform) {
    this.platform = platform;
  }

  /**
   * {@return the successful answer this fake gives by default: counts derived from the handle} The
   * same handle always gets the same counts.
   *
   * @param handle any handle
   */
  public static ScrapeResult profileOf(Handle handle) {
    long seed = Math.abs((long) handle.value().hashCode());
    ProfileStats stats =
        new ProfileStats(
            1_000 + seed % 90_000, 100 + seed % 900, 10 + seed % 500, seed % 1_000_000);
    return ScrapeResult.ok(
        new Profile("id-" + handle.value(), handle.value(), "", false, false, stats));
  }

  /**
   * Answers the next calls for {@code handle} with these results, in order, then as before.
   *
   * @param handle the handle to script
   * @param results one answer per call; added after any answers still scripted
   * @return this fake
   */
  public FakeProfileScraper script(Handle handle, ScrapeResult... results) {
    scripts.computeIfAbsent(handle, h -> new ArrayDeque<>()).addAll(List.of(results));
    return this;
  }

  /**
   * Answers every unscripted call with {@code answer}.
   *
   * @param answer gives the result for a handle; called from many threads at once
   * @return this fake
   */
  public FakeProfileScraper otherwise(Function<Handle, ScrapeResult> answer) {
    this.fallback = answer;
    return this;
  }

  /**
   * Sleeps this long in every call, to make concurrency visible. Default: no sleep.
   *
   * @param latency the sleep, on the real clock, not the injected one
   * @return this fake
   */
  public FakeProfileScraper latency(Duration latency) {
    this.latency = latency;
    return this;
  }

  /**
   * Brings this budget, as a real platform's scraper brings the pace its platform tolerates.
   * Default: none.
   *
   * @param budget the budget {@link #defaultBudget()} returns
   * @return this fake
   */
  public FakeProfileScraper bringsBudget(RequestBudget budget) {
    this.budget = budget;
    return this;
  }

  @Override
  public Optional<RequestBudget> defaultBudget() {
    return Optional.ofNullable(budget);
  }

  @Override
  public Platform platform() {
    return platform;
  }

  @Override
  public ScrapeResult scrape(Handle handle) {
    calls.computeIfAbsent(handle, h -> new AtomicInteger()).incrementAndGet();
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    try {
      pause();
      Deque<ScrapeResult> script = scripts.get(handle);
      ScrapeResult scripted = script == null ? null : script.pollFirst();
      return scripted != null ? scripted : fallback.apply(handle);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  /**
   * {@return how many times {@code handle} was scraped so far}
   *
   * @param handle the handle
   */
  public int callsFor(Handle handle) {
    AtomicInteger count = calls.get(handle);
    return count == null ? 0 : count.get();
  }

  /** {@return how many scrapes this fake answered or is answering, over all handles} */
  public int totalCalls() {
    return calls.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  /** {@return the most scrapes this fake saw in flight at once} */
  public int maxInFlight() {
    return maxInFlight.get();
  }

  private void pause() {
    if (latency.isZero()) {
      return;
    }
    try {
      Thread.sleep(latency.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
