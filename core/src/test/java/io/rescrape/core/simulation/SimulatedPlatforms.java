package io.rescrape.core.simulation;

import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.Profile;
import io.rescrape.core.domain.ProfileStats;
import io.rescrape.core.domain.ScrapeOutcome;
import io.rescrape.core.domain.ScrapeResult;
import io.rescrape.core.port.ProfileScraper;
import io.rescrape.core.testing.FakeProfileScraper;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Both platforms, answering with seeded random outcomes. An answer depends only on the seed, the
 * handle, the date and how often that handle was asked that day, so a run is reproducible however
 * the worker threads interleave.
 */
final class SimulatedPlatforms {

  private final long seed;
  private volatile LocalDate today;
  private final int maxAttempts;
  private final Map<Handle, AtomicInteger> callsToday = new ConcurrentHashMap<>();
  private final Map<Handle, int[]> countedAnswers = new ConcurrentHashMap<>();
  private final Set<Handle> answeredForGood = ConcurrentHashMap.newKeySet();
  private final Set<Handle> redone = ConcurrentHashMap.newKeySet();
  private final AtomicInteger totalCalls = new AtomicInteger();
  private volatile Runnable onCall = () -> {};

  SimulatedPlatforms(long seed, int maxAttempts) {
    this.seed = seed;
    this.maxAttempts = maxAttempts;
  }

  void startDay(LocalDate date) {
    today = date;
    callsToday.clear();
    countedAnswers.clear();
    answeredForGood.clear();
    redone.clear();
    totalCalls.set(0);
    onCall = () -> {};
  }

  /** Runs {@code action} once, on the call that makes the day's count reach {@code calls}. */
  void afterCalls(int calls, Runnable action) {
    onCall =
        () -> {
          if (totalCalls.get() == calls) {
            action.run();
          }
        };
  }

  Map<Handle, AtomicInteger> callsToday() {
    return callsToday;
  }

  /** Creators scraped again after they already had their final answer today: redone work. */
  int redoneToday() {
    return redone.size();
  }

  /** Whether {@code handle} was scraped again today after it already had its final answer. */
  boolean wasRedone(Handle handle) {
    return redone.contains(handle);
  }

  /** A handle whose account is gone for good: the platform never finds it. */
  boolean isGone(Handle handle) {
    return Math.floorMod(mix(seed, handle.value().hashCode(), 0, 0), 100) == 0;
  }

  ProfileScraper scraper(Platform platform) {
    return new ProfileScraper() {
      @Override
      public Platform platform() {
        return platform;
      }

      @Override
      public ScrapeResult scrape(Handle handle) {
        int nth = callsToday.computeIfAbsent(handle, h -> new AtomicInteger()).incrementAndGet();
        totalCalls.incrementAndGet();
        onCall.run();
        if (answeredForGood.contains(handle)) {
          redone.add(handle);
        }
        ScrapeResult result = answer(handle, nth);
        noteFinal(handle, result);
        return result;
      }
    };
  }

  /** Whether the runner will take this answer as final: a success, or a failure it won't retry. */
  private void noteFinal(Handle handle, ScrapeResult result) {
    ScrapeOutcome.Effect effect = result.outcome().effect();
    if (effect == ScrapeOutcome.Effect.DEFER) {
      return;
    }
    int[] counted = countedAnswers.computeIfAbsent(handle, h -> new int[1]);
    counted[0]++;
    if (effect != ScrapeOutcome.Effect.RETRY || counted[0] >= maxAttempts) {
      answeredForGood.add(handle);
    }
  }

  private ScrapeResult answer(Handle handle, int nth) {
    if (isGone(handle)) {
      return ScrapeResult.notFound("HTTP 404");
    }
    long bits = mix(seed, handle.value().hashCode(), today.toEpochDay(), nth);
    double u = (bits >>> 11) * 0x1.0p-53;
    if (u < 0.80) {
      return FakeProfileScraper.profileOf(handle);
    } else if (u < 0.88) {
      return ScrapeResult.transientFailure("HTTP 503");
    } else if (u < 0.90) {
      return ScrapeResult.rateLimited(Duration.ZERO, "HTTP 429");
    } else if (u < 0.92) {
      return ScrapeResult.blocked("login wall");
    } else if (u < 0.94) {
      return ScrapeResult.notFound("HTTP 404 (passing glitch)");
    } else if (u < 0.96) {
      return ScrapeResult.privateAccount(
          new Profile(null, null, null, null, true, ProfileStats.UNKNOWN), "private");
    } else if (u < 0.97) {
      return ScrapeResult.structureChanged("no user object");
    }
    return FakeProfileScraper.profileOf(handle);
  }

  private static long mix(long seed, long a, long b, long c) {
    long x =
        seed ^ (a * 0x9E3779B97F4A7C15L) ^ (b * 0xC2B2AE3D27D4EB4FL) ^ (c * 0x165667B19E3779F9L);
    x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
    x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
    return x ^ (x >>> 31);
  }
}
