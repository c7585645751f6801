package io.rescrape.benchmarks;

import java.util.List;

/**
 * The {@code trigger} benchmark's measurements.
 *
 * @param days every simulated date, in order
 * @param jobsInStore the daily jobs the store held at the end, over all dates
 */
record TriggerRun(List<TriggerDay> days, int jobsInStore) {}
