package io.rescrape.core.service;

import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.DayAssigner;
import io.rescrape.core.domain.NewCreator;
import io.rescrape.core.domain.PlacedCreator;
import io.rescrape.core.domain.SchedulePolicy;
import io.rescrape.core.port.CreatorStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One import session: creators arrive in batches and each joins the least-loaded active day, so an
 * import of N creators adds about N / active days to each day. A creator that brings the time of
 * its last scrape from an earlier system keeps that weekday if it is active, and is next due one
 * cycle after that scrape. A gone or removed creator added again comes back on the least-loaded
 * day, due at once. Not thread-safe; one per import.
 */
public final class CreatorImport {

  private static final Logger log = LoggerFactory.getLogger(CreatorImport.class);

  private final CreatorStore creators;
  private final SchedulePolicy policy;
  private final Clock clock;
  private final DayAssigner assigner;

  CreatorImport(CreatorStore creators, SchedulePolicy policy, Clock clock) {
    this.creators = creators;
    this.policy = policy;
    this.clock = clock;
    this.assigner = policy.assigner(creators.countByDay());
  }

  /**
   * Adds a batch; the answer holds one outcome per creator, in order.
   *
   * @param batch the creators to add; one whose last scrape lies in the future is rejected
   * @return one outcome per creator, in the order of {@code batch}
   */
  public List<ImportOutcome> add(List<NewCreator> batch) {
    Instant now = clock.instant();
    List<ImportOutcome> outcomes = new ArrayList<>(batch.size());
    List<PlacedCreator> placed = new ArrayList<>(batch.size());
    List<Integer> placedIndex = new ArrayList<>(batch.size());
    for (NewCreator creator : batch) {
      Instant last = creator.lastScrapedAt();
      if (last != null && last.isAfter(now)) {
        outcomes.add(ImportOutcome.rejected("last scraped at " + last + " lies in the future"));
        continue;
      }
      LocalDate lastVisit = last == null ? null : policy.dateOf(last);
      DayAssigner.Placement placement = assigner.place(lastVisit);
      placed.add(new PlacedCreator(creator, placement.day(), placement.nextDue()));
      placedIndex.add(outcomes.size());
      outcomes.add(null);
    }
    List<Optional<CreatorId>> ids = placed.isEmpty() ? List.of() : creators.addAll(placed, now);
    List<Optional<CreatorId>> returned = returnGone(placed, ids);
    for (int i = 0; i < placed.size(); i++) {
      outcomes.set(placedIndex.get(i), outcome(placed.get(i), ids.get(i), returned.get(i)));
    }
    return outcomes;
  }

  /** Accounts already stored may be gone ones; adding them again brings them back. */
  private List<Optional<CreatorId>> returnGone(
      List<PlacedCreator> placed, List<Optional<CreatorId>> ids) {
    List<PlacedCreator> stored = new ArrayList<>();
    for (int i = 0; i < placed.size(); i++) {
      if (ids.get(i).isEmpty()) {
        stored.add(placed.get(i));
      }
    }
    Iterator<Optional<CreatorId>> returned =
        stored.isEmpty()
            ? List.<Optional<CreatorId>>of().iterator()
            : creators.returnGone(stored).iterator();
    List<Optional<CreatorId>> aligned = new ArrayList<>(placed.size());
    for (Optional<CreatorId> id : ids) {
      aligned.add(id.isEmpty() ? returned.next() : Optional.empty());
    }
    return aligned;
  }

  private ImportOutcome outcome(
      PlacedCreator creator, Optional<CreatorId> added, Optional<CreatorId> returned) {
    if (added.isPresent()) {
      return ImportOutcome.added(added.get());
    }
    if (returned.isPresent()) {
      log.info(
          "Creator {} ({} {}) was gone or removed and is back on the schedule: added again, due at"
              + " once",
          returned.get(),
          creator.creator().platform(),
          creator.creator().handle());
      return ImportOutcome.returned(returned.get());
    }
    assigner.undo(new DayAssigner.Placement(creator.day(), creator.nextDue()));
    return ImportOutcome.duplicate();
  }
}
