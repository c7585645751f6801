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
   * @param creators the creators with their places in the schedule
   * @param addedAt when they joined the schedule
   * @return for each input, in order, the new id, or empty when it was already stored
   */
  List<Optional<CreatorId>> addAll(List<PlacedCreator> creators, Instant addedAt);

  /**
   * {@return the creator with this id, or empty when there is none}
   *
   * @param id the store's id
   */
  Optional<Creator> find(CreatorId id);

  /**
   * {@return the creator with this account, or empty when it is not on the schedule}
   *
   * @param platform where the profile lives
   * @param handle the normalised handle
   */
  Optional<Creator> find(Platform platform, Handle handle);

  /** {@return the number of creators on each cycle day; days without creators may be absent} */
  Map<CycleDay, Long> countByDay();

  /** {@return the number of creators on the schedule} */
  long count();

  /**
   * {@return the number of creators due in the job of {@code date}: never visited, or next due on
   * or before it}
   *
   * @param date the date of the job
   */
  long countDueOn(LocalDate date);

  /**
   * {@return the number of creators whose next due date is exactly {@code date}} Overdue and never
   * visited creators are not counted.
   *
   * @param date the date
   */
  long countScheduledFor(LocalDate date);

  /**
   * Stores what visits learned; fields left null in a visit's profile keep their value.
   *
   * @param visits one per creator reached, with its scrape time and next due date
   */
  void recordVisits(List<CreatorVisit> visits);

  /**
   * {@return up to {@code limit} creators on a cycle day, newest first}
   *
   * @param day the cycle day
   * @param limit the most creators to return
   */
  List<ScheduledCreator> onDay(CycleDay day, int limit);

  /**
   * Rewrites the cycle day and next due date of each creator given.
   *
   * @param schedules each creator's new cycle day and next due date
   */
  void reschedule(List<ScheduledCreator> schedules);
}
