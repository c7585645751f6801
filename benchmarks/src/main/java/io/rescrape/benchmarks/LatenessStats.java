package io.rescrape.benchmarks;

import java.time.Duration;
import java.util.List;

/**
 * Mean, median and maximum of some latenesses, in milliseconds.
 *
 * @param meanMs the mean
 * @param p50Ms the median, by nearest rank
 * @param maxMs the largest
 */
record LatenessStats(double meanMs, double p50Ms, double maxMs) {

  /**
   * {@return the statistics of {@code latenesses}}
   *
   * @throws IllegalArgumentException when there are none
   */
  static LatenessStats of(List<Duration> latenesses) {
    if (latenesses.isEmpty()) {
      throw new IllegalArgumentException("no lateness to summarize");
    }
    double[] millis = latenesses.stream().mapToDouble(d -> d.toNanos() / 1e6).sorted().toArray();
    double sum = 0;
    for (double value : millis) {
      sum += value;
    }
    int medianRank = (millis.length + 1) / 2;
    return new LatenessStats(
        sum / millis.length, millis[medianRank - 1], millis[millis.length - 1]);
  }
}
