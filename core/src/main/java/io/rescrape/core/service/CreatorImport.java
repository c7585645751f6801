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
import java.util.List;
import java.util.Optional;

/**
 * One import session: creators arrive in batches and each joins the least-loaded active day, so an
 * import of N creators adds about N / active days to each day. A creator that brings the time of
 * its last scrape from an earlier system keeps that weekday if it is active, and is next due one
 * cycle after that scrape. Not thread-safe; one per import.
 */
public final class CreatorImport {

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
    for (int i = 0; i < placed.size(); i++) {
      Optional<CreatorId> id = ids.get(i);
      if (id.isEmpty()) {
        PlacedCreator duplicate = placed.get(i);
        assigner.undo(new DayAssigner.Placement(duplicate.day(), duplicate.nextDue()));
      }
      outcomes.set(
          placedIndex.get(i), id.map(ImportOutcome::added).orElseGet(ImportOutcome::duplicate));
    }
    return outcomes;
  }
}
