package io.rescrape.benchmarks;

/**
 * One scheduler's drain: how many creators it finished, and how long it took from the first claim
 * to the last write.
 *
 * @param items creators scraped and recorded
 * @param seconds wall time of the drain
 */
record DrainRun(long items, double seconds) {

  double perSecond() {
    return items / seconds;
  }
}
