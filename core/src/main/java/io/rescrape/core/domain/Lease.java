package io.rescrape.core.domain;

import java.time.Instant;

/**
 * A claim on a job or an item by one instance, valid until a given instant. A lapsed lease means
 * its holder is presumed dead and another instance may take over.
 *
 * @param owner the id of the instance holding it
 * @param until when it lapses unless renewed
 */
public record Lease(String owner, Instant until) {

  /**
   * {@return whether the lease has run out, so its holder is presumed dead} It lapses at {@code
   * until} itself.
   *
   * @param now the current time, from the injected clock
   */
  public boolean isLapsedAt(Instant now) {
    return !until.isAfter(now);
  }
}
