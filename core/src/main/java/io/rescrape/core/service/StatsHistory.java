package io.rescrape.core.service;

import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.InvalidInputException;
import io.rescrape.core.domain.StatsSnapshot;
import io.rescrape.core.port.CreatorStore;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creators' stats history, for charting growth: every successful scrape stores a snapshot of the
 * counts it read. Snapshots older than the retention are pruned, batch by batch, each time {@link
 * DailyPlanner} creates a daily job; {@link #prune()} runs the same on demand.
 */
public final class StatsHistory {

  /** The most snapshots one read returns. */
  public static final int MAX_LIMIT = 10_000;

  private static final Logger log = LoggerFactory.getLogger(StatsHistory.class);

  private final CreatorStore creators;
  private final HistorySettings settings;
  private final Clock clock;

  /**
   * The history kept in a creator store.
   *
   * @param creators where creators and their snapshots are stored
   * @param settings how long snapshots are kept and how many go per transaction
   * @param clock decides what "now" is for the retention
   */
  @Inject
  public StatsHistory(CreatorStore creators, HistorySettings settings, Clock clock) {
    this.creators = creators;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * {@return a creator's latest {@code limit} snapshots taken at or after {@code since}, oldest
   * first} Empty for an unknown creator or one never scraped successfully.
   *
   * @param id the creator
   * @param since the earliest scrape time wanted; null for no lower bound
   * @param limit 1 to {@value #MAX_LIMIT}
   * @throws InvalidInputException when {@code limit} is out of range
   */
  public List<StatsSnapshot> of(CreatorId id, @Nullable Instant since, int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidInputException(
          "history limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    return creators.statsHistory(id, since, limit);
  }

  /**
   * Deletes every snapshot older than the retention, one batch per transaction.
   *
   * @return how many snapshots were deleted
   * @throws io.rescrape.core.domain.StoreException when the store fails; batches deleted before
   *     stay deleted
   */
  public long prune() {
    Instant cutoff = clock.instant().minus(settings.retention());
    int batch = settings.pruneBatchSize();
    long deleted = 0;
    int last;
    do {
      last = creators.pruneStats(cutoff, batch);
      deleted += last;
    } while (last == batch);
    if (deleted > 0) {
      log.info(
          "Pruned {} stats snapshots taken before {} (kept for {} days)",
          deleted,
          cutoff,
          settings.retention().toDays());
    }
    return deleted;
  }
}
