package io.rescrape.core.service;

import io.rescrape.core.domain.InvalidInputException;
import java.time.Duration;

/**
 * How long creators' stats snapshots are kept. Build one with {@link #builder()}; every setting has
 * a documented default.
 *
 * @param retention how long a snapshot is kept after its scrape; default 400 days, so that a year
 *     can be compared with the one before
 * @param pruneBatchSize snapshots deleted per transaction while pruning; default 10,000
 */
public record HistorySettings(Duration retention, int pruneBatchSize) {

  /** The shortest retention: a day. */
  public static final Duration MIN_RETENTION = Duration.ofDays(1);

  /** The longest retention: 100 years. */
  public static final Duration MAX_RETENTION = Duration.ofDays(36_525);

  /**
   * Validated settings; {@link #builder()} fills in the defaults.
   *
   * @param retention from 1 day to 100 years
   * @param pruneBatchSize 1 to 1,000,000
   * @throws InvalidInputException naming the setting out of range
   */
  public HistorySettings {
    if (retention.compareTo(MIN_RETENTION) < 0 || retention.compareTo(MAX_RETENTION) > 0) {
      throw new InvalidInputException(
          "stats retention must be between 1 day and 36525 days, got " + retention);
    }
    if (pruneBatchSize < 1 || pruneBatchSize > 1_000_000) {
      throw new InvalidInputException(
          "pruneBatchSize must be between 1 and 1000000, got " + pruneBatchSize);
    }
  }

  /** {@return the defaults: keep 400 days, prune 10,000 per transaction} */
  public static HistorySettings defaults() {
    return builder().build();
  }

  /** {@return a builder holding the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds validated {@link HistorySettings}. */
  public static final class Builder {
    private Duration retention = Duration.ofDays(400);
    private int pruneBatchSize = 10_000;

    private Builder() {}

    /**
     * How long a snapshot is kept after its scrape. Default: 400 days.
     *
     * @param retention from 1 day to 100 years
     * @return this builder
     */
    public Builder retention(Duration retention) {
      this.retention = retention;
      return this;
    }

    /**
     * Snapshots deleted per transaction while pruning. Default: 10,000.
     *
     * @param size 1 to 1,000,000
     * @return this builder
     */
    public Builder pruneBatchSize(int size) {
      this.pruneBatchSize = size;
      return this;
    }

    /**
     * {@return the settings, with the default for whatever was not set}
     *
     * @throws InvalidInputException naming the setting out of range
     */
    public HistorySettings build() {
      return new HistorySettings(retention, pruneBatchSize);
    }
  }
}
