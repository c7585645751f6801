package io.rescrape.core.service;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Sets;
import io.rescrape.core.domain.InvalidInputException;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.RequestBudget;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * How a job is worked through. Build one with {@link #builder()}; every setting has a documented
 * default.
 *
 * @param concurrency scrapes in flight at once per platform; default 4 for every platform
 * @param maxAttempts attempts per creator per job before a retryable failure becomes final; default
 *     3
 * @param retryBackoff wait before the second attempt, doubling for each later one; default 30 s
 * @param maxRetryBackoff the longest wait between attempts; default 10 min
 * @param rateLimitPause how long a platform pauses when it throttles without saying how long;
 *     default 60 s
 * @param minRateLimitPause the shortest pause after a throttle, whatever the platform asked, so
 *     that a {@code Retry-After: 0} cannot make workers hammer it; default 5 s
 * @param maxRateLimitPause the longest pause a throttle can cause, so that a wild {@code
 *     Retry-After} cannot stall a job for days, and the cap of the doubling pauses of a platform
 *     that keeps throttling or whose circuit keeps reopening; default 15 min
 * @param lease how long a job or item stays with an instance that stops renewing it, so how long
 *     after a crash others take over; default 30 s
 * @param idlePoll how often an idle worker looks again for items waiting on a retry time or held by
 *     other instances; default 1 s
 * @param flushSize results written to the store in one batch; default 200
 * @param flushInterval the longest a result waits before it is written; default 100 ms
 * @param shutdownGrace how long a stopping runner lets scrapes in flight finish; default 10 s
 * @param budgets a request budget per platform, replacing the budget its scraper brings ({@link
 *     io.rescrape.core.port.ProfileScraper#defaultBudget()}); default none, so the scrapers'
 *     budgets apply
 * @param unlimited platforms whose requests no budget limits, whatever their scraper brings, such
 *     as a local stand-in; concurrency alone paces them; default none
 * @param breakerWindow how many recent answers of a platform its circuit breaker weighs; it judges
 *     once half of them are in; default 20
 * @param breakerFailureRatio the share of blocks and unreadable pages among those answers that
 *     opens the circuit; default 0.5
 * @param breakerCooldown how long an opened circuit keeps the platform paused, doubling with each
 *     reopening up to {@code maxRateLimitPause}; default 2 min
 * @param pauseDeadline how long a platform's worker lane waits through pauses without sending a
 *     request before it gives up, so the job stops INTERRUPTED (resumable) instead of waiting
 *     forever; default 30 min
 */
public record RunnerSettings(
    Map<Platform, Integer> concurrency,
    int maxAttempts,
    Duration retryBackoff,
    Duration maxRetryBackoff,
    Duration rateLimitPause,
    Duration minRateLimitPause,
    Duration maxRateLimitPause,
    Duration lease,
    Duration idlePoll,
    int flushSize,
    Duration flushInterval,
    Duration shutdownGrace,
    Map<Platform, RequestBudget> budgets,
    Set<Platform> unlimited,
    int breakerWindow,
    double breakerFailureRatio,
    Duration breakerCooldown,
    Duration pauseDeadline) {

  /**
   * Validated settings; {@link #builder()} fills in the defaults.
   *
   * @param concurrency 1 to 1024 per platform; copied
   * @param maxAttempts 1 to 100
   * @param retryBackoff not negative
   * @param maxRetryBackoff not negative
   * @param rateLimitPause not negative
   * @param minRateLimitPause not negative, at most {@code maxRateLimitPause}
   * @param maxRateLimitPause not negative
   * @param lease positive
   * @param idlePoll positive
   * @param flushSize 1 to 10,000
   * @param flushInterval positive
   * @param shutdownGrace not negative; zero interrupts scrapes in flight at once
   * @param budgets copied
   * @param unlimited copied; none of them in {@code budgets}
   * @param breakerWindow 2 to 1,000
   * @param breakerFailureRatio above 0 and at most 1
   * @param breakerCooldown positive
   * @param pauseDeadline positive
   * @throws InvalidInputException naming the first setting out of range
   */
  public RunnerSettings {
    concurrency = ImmutableMap.copyOf(concurrency);
    for (Map.Entry<Platform, Integer> entry : concurrency.entrySet()) {
      requireBetween("concurrency of " + entry.getKey(), entry.getValue(), 1, 1024);
    }
    requireBetween("maxAttempts", maxAttempts, 1, 100);
    requireBetween("flushSize", flushSize, 1, 10_000);
    requireNotNegative("retryBackoff", retryBackoff);
    requireNotNegative("maxRetryBackoff", maxRetryBackoff);
    requireNotNegative("rateLimitPause", rateLimitPause);
    requireNotNegative("minRateLimitPause", minRateLimitPause);
    requireNotNegative("maxRateLimitPause", maxRateLimitPause);
    if (minRateLimitPause.compareTo(maxRateLimitPause) > 0) {
      throw new InvalidInputException(
          "minRateLimitPause "
              + minRateLimitPause
              + " must not exceed maxRateLimitPause "
              + maxRateLimitPause);
    }
    requirePositive("lease", lease);
    requirePositive("idlePoll", idlePoll);
    requirePositive("flushInterval", flushInterval);
    requireNotNegative("shutdownGrace", shutdownGrace);
    budgets = ImmutableMap.copyOf(budgets);
    unlimited = Sets.immutableEnumSet(unlimited);
    for (Platform platform : unlimited) {
      if (budgets.containsKey(platform)) {
        throw new InvalidInputException(
            platform + " cannot have a request budget and be unlimited at once");
      }
    }
    requireBetween("breakerWindow", breakerWindow, 2, 1000);
    if (!(breakerFailureRatio > 0 && breakerFailureRatio <= 1)) {
      throw new InvalidInputException(
          "breakerFailureRatio must be above 0 and at most 1, got " + breakerFailureRatio);
    }
    requirePositive("breakerCooldown", breakerCooldown);
    requirePositive("pauseDeadline", pauseDeadline);
  }

  /** {@return the settings with every default, as documented on each component} */
  public static RunnerSettings defaults() {
    return builder().build();
  }

  /** {@return a builder holding the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return how many scrapes of one platform may be in flight at once}
   *
   * @param platform a platform these settings hold a concurrency for, as the builder's always do
   */
  public int concurrencyOf(Platform platform) {
    return concurrency.get(platform);
  }

  /**
   * The wait after a failed attempt number {@code attempt} (from 1) before the next one.
   *
   * @param attempt the attempt that failed, from 1
   * @return {@code retryBackoff} doubled for each attempt after the first, at most {@code
   *     maxRetryBackoff}
   */
  public Duration backoffAfter(int attempt) {
    Duration wait = retryBackoff;
    for (int i = 1; i < attempt && wait.compareTo(maxRetryBackoff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxRetryBackoff) > 0 ? maxRetryBackoff : wait;
  }

  /** {@return a builder starting from these settings} */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.concurrency.putAll(concurrency);
    builder.maxAttempts = maxAttempts;
    builder.retryBackoff = retryBackoff;
    builder.maxRetryBackoff = maxRetryBackoff;
    builder.rateLimitPause = rateLimitPause;
    builder.minRateLimitPause = minRateLimitPause;
    builder.maxRateLimitPause = maxRateLimitPause;
    builder.lease = lease;
    builder.idlePoll = idlePoll;
    builder.flushSize = flushSize;
    builder.flushInterval = flushInterval;
    builder.shutdownGrace = shutdownGrace;
    builder.budgets.putAll(budgets);
    builder.unlimited.addAll(unlimited);
    builder.breakerWindow = breakerWindow;
    builder.breakerFailureRatio = breakerFailureRatio;
    builder.breakerCooldown = breakerCooldown;
    builder.pauseDeadline = pauseDeadline;
    return builder;
  }

  private static void requireBetween(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new InvalidInputException(
          name + " must be between " + min + " and " + max + ", got " + value);
    }
  }

  private static void requireNotNegative(String name, Duration value) {
    if (value.isNegative()) {
      throw new InvalidInputException(name + " must not be negative, got " + value);
    }
  }

  private static void requirePositive(String name, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new InvalidInputException(name + " must be positive, got " + value);
    }
  }

  /** Builds validated {@link RunnerSettings}. */
  public static final class Builder {
    private final Map<Platform, Integer> concurrency = new EnumMap<>(Platform.class);
    private int maxAttempts = 3;
    private Duration retryBackoff = Duration.ofSeconds(30);
    private Duration maxRetryBackoff = Duration.ofMinutes(10);
    private Duration rateLimitPause = Duration.ofSeconds(60);
    private Duration minRateLimitPause = Duration.ofSeconds(5);
    private Duration maxRateLimitPause = Duration.ofMinutes(15);
    private Duration lease = Duration.ofSeconds(30);
    private Duration idlePoll = Duration.ofSeconds(1);
    private int flushSize = 200;
    private Duration flushInterval = Duration.ofMillis(100);
    private Duration shutdownGrace = Duration.ofSeconds(10);
    private final Map<Platform, RequestBudget> budgets = new EnumMap<>(Platform.class);
    private final Set<Platform> unlimited = EnumSet.noneOf(Platform.class);
    private int breakerWindow = 20;
    private double breakerFailureRatio = 0.5;
    private Duration breakerCooldown = Duration.ofMinutes(2);
    private Duration pauseDeadline = Duration.ofMinutes(30);

    private Builder() {
      concurrency(4);
    }

    /**
     * The same concurrency for every platform. Default: 4.
     *
     * @param scrapesInFlight 1 to 1024
     * @return this builder
     */
    public Builder concurrency(int scrapesInFlight) {
      for (Platform platform : Platform.values()) {
        concurrency.put(platform, scrapesInFlight);
      }
      return this;
    }

    /**
     * The concurrency of one platform. Default: 4.
     *
     * @param platform the platform
     * @param scrapesInFlight 1 to 1024
     * @return this builder
     */
    public Builder concurrency(Platform platform, int scrapesInFlight) {
      concurrency.put(platform, scrapesInFlight);
      return this;
    }

    /**
     * Attempts per creator per job before a retryable failure becomes final. Default: 3.
     *
     * @param attempts 1 to 100; 1 means no retry
     * @return this builder
     */
    public Builder maxAttempts(int attempts) {
      this.maxAttempts = attempts;
      return this;
    }

    /**
     * The wait before a retry: {@code first} before the second attempt, doubling for each later
     * one, never more than {@code max}. Default: 30 s up to 10 min.
     *
     * @param first not negative
     * @param max not negative
     * @return this builder
     */
    public Builder retryBackoff(Duration first, Duration max) {
      this.retryBackoff = first;
      this.maxRetryBackoff = max;
      return this;
    }

    /**
     * How long a platform pauses when it throttles without saying how long. Default: 60 s.
     *
     * @param pause not negative
     * @return this builder
     */
    public Builder rateLimitPause(Duration pause) {
      this.rateLimitPause = pause;
      return this;
    }

    /**
     * The shortest pause after a throttle, whatever the platform asked. Default: 5 s.
     *
     * @param min not negative
     * @return this builder
     */
    public Builder minRateLimitPause(Duration min) {
      this.minRateLimitPause = min;
      return this;
    }

    /**
     * Caps the pause a platform's own {@code Retry-After} can impose. Default: 15 min.
     *
     * @param max not negative
     * @return this builder
     */
    public Builder maxRateLimitPause(Duration max) {
      this.maxRateLimitPause = max;
      return this;
    }

    /**
     * How long a job or item stays with an instance that stops renewing it, and so how soon after a
     * crash other instances take over. Default: 30 s.
     *
     * @param lease positive
     * @return this builder
     */
    public Builder lease(Duration lease) {
      this.lease = lease;
      return this;
    }

    /**
     * How often an idle worker looks again for items. Default: 1 s.
     *
     * @param poll positive
     * @return this builder
     */
    public Builder idlePoll(Duration poll) {
      this.idlePoll = poll;
      return this;
    }

    /**
     * How results are batched on their way to the stores. Default: 200 results or 100 ms, whichever
     * comes first.
     *
     * @param size 1 to 10,000 results per batch
     * @param interval positive; the longest a result waits
     * @return this builder
     */
    public Builder flush(int size, Duration interval) {
      this.flushSize = size;
      this.flushInterval = interval;
      return this;
    }

    /**
     * How long a stopping runner lets scrapes in flight finish. Default: 10 s.
     *
     * @param grace not negative
     * @return this builder
     */
    public Builder shutdownGrace(Duration grace) {
      this.shutdownGrace = grace;
      return this;
    }

    /**
     * Limits the requests to one platform, over every worker and, with a shared gate, every
     * instance, in place of the budget its scraper brings. Default: the scraper's budget.
     *
     * @param platform the platform
     * @param budget its budget
     * @return this builder
     */
    public Builder budget(Platform platform, RequestBudget budget) {
      unlimited.remove(platform);
      budgets.put(platform, budget);
      return this;
    }

    /**
     * Lets requests to one platform go out as fast as its concurrency allows, ignoring the budget
     * its scraper brings: for a local stand-in, never for a real platform.
     *
     * @param platform the platform
     * @return this builder
     */
    public Builder unlimited(Platform platform) {
      budgets.remove(platform);
      unlimited.add(platform);
      return this;
    }

    /**
     * When a platform's circuit opens: once half of the last {@code window} answers are in and the
     * share of blocks and unreadable pages among them reaches {@code failureRatio}. Default: 20
     * answers, 0.5.
     *
     * @param window 2 to 1,000 answers
     * @param failureRatio above 0, at most 1
     * @return this builder
     */
    public Builder breaker(int window, double failureRatio) {
      this.breakerWindow = window;
      this.breakerFailureRatio = failureRatio;
      return this;
    }

    /**
     * How long an opened circuit pauses its platform; each reopening doubles it, up to {@code
     * maxRateLimitPause}. Default: 2 min.
     *
     * @param cooldown positive
     * @return this builder
     */
    public Builder breakerCooldown(Duration cooldown) {
      this.breakerCooldown = cooldown;
      return this;
    }

    /**
     * How long a platform may stay paused, with nothing sent, before its worker lane gives up and
     * the job stops INTERRUPTED, to be resumed. Default: 30 min.
     *
     * @param deadline positive
     * @return this builder
     */
    public Builder pauseDeadline(Duration deadline) {
      this.pauseDeadline = deadline;
      return this;
    }

    /**
     * {@return the settings, with the default for whatever was not set}
     *
     * @throws InvalidInputException naming the first setting out of range
     */
    public RunnerSettings build() {
      return new RunnerSettings(
          concurrency,
          maxAttempts,
          retryBackoff,
          maxRetryBackoff,
          rateLimitPause,
          minRateLimitPause,
          maxRateLimitPause,
          lease,
          idlePoll,
          flushSize,
          flushInterval,
          shutdownGrace,
          budgets,
          unlimited,
          breakerWindow,
          breakerFailureRatio,
          breakerCooldown,
          pauseDeadline);
    }
  }
}
