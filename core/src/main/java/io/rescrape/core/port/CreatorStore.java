package io.rescrape.core.port;

import io.rescrape.core.domain.Creator;
import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.CreatorVisit;
import io.rescrape.core.domain.CycleDay;
import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.PlacedCreator;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.ScheduledCreator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stores creators and their schedule. Implementations are thread-safe and never hold every creator
 * in memory at once; callers pass and receive bounded batches.
 */
public interface CreatorStore {

  /**
   * Adds a batch of creators. A creator whose platform and handle are already stored is left as it
   * is, and so is the second of two equal ones in the batch.
   *
   * @return for each input, in order, the new id, or empty when it was already stored
   */
  List<Optional<CreatorId>> addAll(List<PlacedCreator> creators, Instant addedAt);

  Optional<Creator> find(CreatorId id);

  Optional<Creator> find(Platform platform, Handle handle);

  /** The number of creators on each cycle day; days without creators may be absent. */
  Map<CycleDay, Long> countByDay();

  long count();

  /** Creators due in the job of {@code date}: never visited, or next due on or before it. */
  long countDueOn(LocalDate date);

  /** Creators whose next due date is exactly {@code date}. */
  long countScheduledFor(LocalDate date);

  /** Stores what visits learned; fields left null in a visit's profile keep their value. */
  void recordVisits(List<CreatorVisit> visits);

  /** Up to {@code limit} creators on a cycle day, newest first. */
  List<ScheduledCreator> onDay(CycleDay day, int limit);

  /** Rewrites the cycle day and next due date of each creator given. */
  void reschedule(List<ScheduledCreator> schedules);
}
