package io.rescrape.example.fault;

import java.time.Duration;

/**
 * How big a fault test is. The suite runs a small one; {@code scripts/fault-test.sh} runs the full
 * one of the README through system properties: {@code rescrape.fault.creators}, {@code
 * .latencyMillis}, {@code .workers}, {@code .leaseSeconds}, {@code .faults} and {@code .seed}.
 *
 * @param creators creators in the job, all due
 * @param latency the demo platform's answer time
 * @param instances {@code serve} processes
 * @param workers scrapes in flight per platform per instance
 * @param lease job and item lease
 * @param faults faults to inject while the job runs
 * @param seed seeds the fault times and victims
 */
record FaultScenario(
    int creators,
    Duration latency,
    int instances,
    int workers,
    Duration lease,
    int faults,
    long seed) {

  private static final String PREFIX = "rescrape.fault.";

  /** The scenario the system properties describe, with these defaults for the suite. */
  static FaultScenario fromSystemProperties(int creators, int faults) {
    return new FaultScenario(
        Integer.getInteger(PREFIX + "creators", creators),
        Duration.ofMillis(Long.getLong(PREFIX + "latencyMillis", 200)),
        3,
        Integer.getInteger(PREFIX + "workers", 4),
        Duration.ofSeconds(Long.getLong(PREFIX + "leaseSeconds", 5)),
        Integer.getInteger(PREFIX + "faults", faults),
        Long.getLong(PREFIX + "seed", 20_261_204L));
  }

  @Override
  public String toString() {
    return String.format(
        "%,d creators, %d instances x %d workers per platform, demo latency %d ms, lease %d s,"
            + " %d faults, seed %d",
        creators, instances, workers, latency.toMillis(), lease.toSeconds(), faults, seed);
  }
}
