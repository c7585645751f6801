package io.rescrape.benchmarks;

import io.rescrape.core.domain.RequestBudget;
import java.time.Duration;
import java.util.Optional;

/**
 * The shortest time any runner could take to send {@code n} requests to one platform, each answered
 * after {@code latency}, with at most {@code concurrency} in flight and at most a budget's {@code
 * B} requests sent in any window of length {@code W}.
 *
 * <p>It is the end of the earliest schedule both limits allow: request {@code k} (from 0) starts at
 *
 * <pre>
 *   start[k] = max(start[k - c] + L, start[k - B] + W)    (a term whose index is below 0 is 0)
 * </pre>
 *
 * <p>and the last one ends at {@code start[n - 1] + L}. No runner beats it: the starts of any run,
 * in order, obey both inequalities (request {@code k} could not start earlier without {@code c + 1}
 * in flight, or {@code B + 1} in one window), so by induction none starts before {@code start[k]}.
 * Two closed forms follow, and the tests check the schedule against them:
 *
 * <ul>
 *   <li>latency binds ({@code floor(B/c)·L >= W}, or no budget): {@code ceil(n/c)·L};
 *   <li>the budget binds ({@code ceil(B/c)·L <= W}, a window's budget is spent before the window
 *       ends): {@code floor((n-1)/B)·W + ceil(((n-1) mod B + 1)/c)·L}.
 * </ul>
 *
 * <p>Neither limit alone gives the bound: with the budget binding, the workers idle at the end of
 * every window while its budget is spent, so the bound exceeds both {@code ceil(n/c)·L} and {@code
 * floor((n-1)/B)·W + L}. The gates keep exactly this sliding window ({@link
 * io.rescrape.core.service.LocalPlatformGate}, {@code RedisPlatformGate}), so a runner that wastes
 * nothing meets it.
 */
final class LatencyBound {

  private LatencyBound() {}

  /**
   * {@return the bound in seconds; 0 for no requests}
   *
   * @param requests requests to send, from 0
   * @param concurrency requests in flight at once, from 1
   * @param latency how long each request takes
   * @param budget the platform's request budget, or empty when only concurrency paces it
   */
  static double seconds(
      int requests, int concurrency, Duration latency, Optional<RequestBudget> budget) {
    if (requests == 0) {
      return 0;
    }
    long latencyNanos = latency.toNanos();
    long[] start = new long[requests];
    for (int k = 0; k < requests; k++) {
      long free = k >= concurrency ? start[k - concurrency] + latencyNanos : 0;
      start[k] = Math.max(free, budgetAllows(start, k, budget));
    }
    return (start[requests - 1] + latencyNanos) / 1e9;
  }

  /** When the budget lets request {@code k} go: a window after the request {@code B} before it. */
  private static long budgetAllows(long[] start, int k, Optional<RequestBudget> budget) {
    if (budget.isEmpty() || k < budget.get().requests()) {
      return 0;
    }
    return start[k - budget.get().requests()] + budget.get().window().toNanos();
  }

  /** {@return {@code ceil(n/c)·L} in seconds: the bound were there no budget} */
  static double latencyAlone(int requests, int concurrency, Duration latency) {
    long rounds = (requests + concurrency - 1L) / concurrency;
    return rounds * latency.toNanos() / 1e9;
  }

  /**
   * {@return {@code floor((n-1)/B)·W + L} in seconds: the bound were concurrency unlimited; 0 for
   * no requests}
   */
  static double budgetAlone(int requests, Duration latency, RequestBudget budget) {
    if (requests == 0) {
      return 0;
    }
    long windows = (requests - 1L) / budget.requests();
    return (windows * budget.window().toNanos() + latency.toNanos()) / 1e9;
  }
}
