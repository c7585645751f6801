package io.rescrape.core.port;

import io.rescrape.core.domain.Creator;
import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.CreatorQuery;
import io.rescrape.core.domain.CreatorVisit;
import io.rescrape.core.domain.CycleDay;
import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.NotFoundAnswer;
import io.rescrape.core.domain.PlacedCreator;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.ScheduledCreator;
import io.rescrape.core.domain.StatsSnapshot;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Stores creators, their schedule and their stats history. Implementations are thread-safe and
 * never hold every creator in memory at once; callers pass and receive bounded batches.
 *
 * <p>A creator marked gone or removed (see {@link Creator#isGone()}) has left the schedule: the
 * counts, the cycle-day listing and the daily job leave it out, while {@link #find} still returns
 * it and {@link #countGone()} counts it if it is gone after NOT_FOUND answers. Its stats history
 * and job items stay.
 */
public interface CreatorStore {

  /**
   * Adds a batch of creators. A creator whose platform and handle are already stored, gone or not,
   * is left as it is, and so is the second of two equal ones in the batch. Each new creator keeps
   * its display handle.
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

  /**
   * {@return the creators a query asks for, in ascending id order, each with an id greater than
   * {@code query.after()}: {@code query.limit()} of them, or fewer only when no more match}
   *
   * @param query the platform, handle text and gone state wanted, and the page
   */
  List<Creator> search(CreatorQuery query);

  /**
   * Brings gone and removed creators back onto the schedule, as when their accounts are added
   * again. Each one given that is stored and gone or removed moves to the given day, due at once,
   * with its NOT_FOUND streak forgotten; its id, display handle, stats and history stay. Creators
   * not stored, or on the schedule, are left as they are.
   *
   * @param creators the creators, with the cycle day each is to join; their due dates are ignored
   * @return for each input, in order, the id of the creator brought back, or empty
   */
  List<Optional<CreatorId>> returnGone(List<PlacedCreator> creators);

  /**
   * Takes a creator off the schedule because someone removed it: it is left out as a gone creator
   * is and marked {@link io.rescrape.core.domain.GoneReason#REMOVED}, while its stats history and
   * job items stay. A visit does not bring it back; {@link #returnGone} does. The read and the
   * write are one atomic step, so of callers removing it at once exactly one does.
   *
   * @param id the creator
   * @param at when it was removed
   * @return the creator as this call removed it; empty when no creator has this id, or it was
   *     already removed
   */
  Optional<Creator> remove(CreatorId id, Instant at);

  /**
   * Records NOT_FOUND answers and marks gone the creators whose streak reaches {@code goneAfter}
   * job dates, as {@link Creator#notFoundIn} decides. Each creator's read and write happen under a
   * lock, so instances recording at once count every date once. Unknown ids are skipped.
   *
   * @param answers at most one per creator
   * @param goneAfter how many different job dates mark a creator gone
   * @return the creators this call marked gone, as stored now; empty when none
   */
  List<Creator> recordNotFound(List<NotFoundAnswer> answers, int goneAfter);

  /**
   * {@return the number of creators on each cycle day, gone ones left out; days without creators
   * may be absent}
   */
  Map<CycleDay, Long> countByDay();

  /** {@return the number of creators on the schedule, gone ones left out} */
  long count();

  /** {@return the number of creators marked gone after NOT_FOUND answers, removed ones left out} */
  long countGone();

  /**
   * {@return the number of creators due in the job of {@code date}: not gone, and never visited or
   * next due on or before it}
   *
   * @param date the date of the job
   */
  long countDueOn(LocalDate date);

  /**
   * {@return the number of creators whose next due date is exactly {@code date}} Overdue, never
   * visited and gone creators are not counted.
   *
   * @param date the date
   */
  long countScheduledFor(LocalDate date);

  /**
   * Stores what visits learned, in one transaction: fields left null in a visit's profile keep
   * their value, each visit ends its creator's NOT_FOUND streak and gone state (a removed creator
   * stays removed), and each OK visit with a profile appends a {@link StatsSnapshot}. Recording the
   * same visit again adds no second snapshot.
   *
   * @param visits one per creator reached, with its scrape time and next due date
   */
  void recordVisits(List<CreatorVisit> visits);

  /**
   * {@return a creator's stats history: the latest {@code limit} snapshots taken at or after {@code
   * since}, oldest first} Empty for an unknown creator.
   *
   * @param id the creator
   * @param since the earliest scrape time wanted; null for no lower bound
   * @param limit the most snapshots to return, at least 1
   */
  List<StatsSnapshot> statsHistory(CreatorId id, @Nullable Instant since, int limit);

  /**
   * Deletes up to {@code limit} snapshots taken before {@code before}. Callers repeat it until it
   * returns less than {@code limit}, so that no single transaction grows large.
   *
   * @param before snapshots taken earlier than this go
   * @param limit the most snapshots to delete in this call, at least 1
   * @return how many were deleted
   */
  int pruneStats(Instant before, int limit);

  /**
   * {@return up to {@code limit} creators on a cycle day, newest first, gone ones left out}
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
