package io.rescrape.core.testing;

import io.rescrape.core.domain.Creator;
import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.CreatorVisit;
import io.rescrape.core.domain.CycleDay;
import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.PlacedCreator;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.ScheduledCreator;
import io.rescrape.core.port.CreatorStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A {@link CreatorStore} in memory, for tests and demos: it holds every creator on the heap, so it
 * is no fit for production sizes. Thread-safe.
 */
public final class InMemoryCreatorStore implements CreatorStore {

  private final TreeMap<Long, Creator> byId = new TreeMap<>();
  private final Map<String, Long> idByHandle = new HashMap<>();
  private long lastId;

  @Override
  public synchronized List<Optional<CreatorId>> addAll(
      List<PlacedCreator> creators, Instant addedAt) {
    List<Optional<CreatorId>> ids = new ArrayList<>(creators.size());
    for (PlacedCreator placed : creators) {
      String key = key(placed.creator().platform(), placed.creator().handle());
      if (idByHandle.containsKey(key)) {
        ids.add(Optional.empty());
        continue;
      }
      CreatorId id = new CreatorId(++lastId);
      byId.put(
          id.value(),
          new Creator(
              id,
              placed.creator().platform(),
              placed.creator().handle(),
              placed.day(),
              placed.nextDue(),
              placed.creator().lastScrapedAt(),
              null,
              addedAt));
      idByHandle.put(key, id.value());
      ids.add(Optional.of(id));
    }
    return ids;
  }

  @Override
  public synchronized Optional<Creator> find(CreatorId id) {
    return Optional.ofNullable(byId.get(id.value()));
  }

  @Override
  public synchronized Optional<Creator> find(Platform platform, Handle handle) {
    Long id = idByHandle.get(key(platform, handle));
    return id == null ? Optional.empty() : Optional.of(byId.get(id));
  }

  @Override
  public synchronized Map<CycleDay, Long> countByDay() {
    Map<CycleDay, Long> counts = new TreeMap<>();
    for (Creator creator : byId.values()) {
      counts.merge(creator.day(), 1L, Long::sum);
    }
    return counts;
  }

  @Override
  public synchronized long count() {
    return byId.size();
  }

  @Override
  public synchronized long countDueOn(LocalDate date) {
    return count(creator -> creator.isDueOn(date));
  }

  @Override
  public synchronized long countScheduledFor(LocalDate date) {
    return count(creator -> date.equals(creator.nextDue()));
  }

  @Override
  public synchronized void recordVisits(List<CreatorVisit> visits) {
    for (CreatorVisit visit : visits) {
      Creator old = byId.get(visit.creatorId().value());
      if (old == null) {
        continue;
      }
      byId.put(old.id().value(), old.visited(visit));
    }
  }

  @Override
  public synchronized List<ScheduledCreator> onDay(CycleDay day, int limit) {
    List<ScheduledCreator> found = new ArrayList<>();
    for (Creator creator : byId.descendingMap().values()) {
      if (found.size() >= limit) {
        break;
      }
      if (creator.day().equals(day)) {
        found.add(new ScheduledCreator(creator.id(), creator.day(), creator.nextDue()));
      }
    }
    return found;
  }

  @Override
  public synchronized void reschedule(List<ScheduledCreator> schedules) {
    for (ScheduledCreator schedule : schedules) {
      Creator old = byId.get(schedule.id().value());
      if (old != null) {
        byId.put(old.id().value(), old.rescheduled(schedule.day(), schedule.nextDue()));
      }
    }
  }

  /** Creators due on a date, in id order; used by {@link InMemoryJobStore} to plan a job. */
  synchronized List<Creator> dueOn(LocalDate date) {
    return byId.values().stream().filter(creator -> creator.isDueOn(date)).toList();
  }

  synchronized Optional<Creator> get(CreatorId id) {
    return Optional.ofNullable(byId.get(id.value()));
  }

  private long count(Predicate<Creator> filter) {
    return byId.values().stream().filter(filter).count();
  }

  private static String key(Platform platform, Handle handle) {
    return platform.id() + "/" + handle.value();
  }
}
