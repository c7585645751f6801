package io.rescrape.core.testing;

import io.rescrape.core.domain.Creator;
import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.CreatorQuery;
import io.rescrape.core.domain.CreatorVisit;
import io.rescrape.core.domain.CycleDay;
import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.NotFoundAnswer;
import io.rescrape.core.domain.PlacedCreator;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.ProfileStats;
import io.rescrape.core.domain.ScheduledCreator;
import io.rescrape.core.domain.StatsSnapshot;
import io.rescrape.core.port.CreatorStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A {@link CreatorStore} in memory, for tests and demos: it holds every creator on the heap, so it
 * is no fit for production sizes. Thread-safe.
 */
public final class InMemoryCreatorStore implements CreatorStore {

  private final TreeMap<Long, Creator> byId = new TreeMap<>();
  private final Map<String, Long> idByHandle = new HashMap<>();
  private final Map<Long, TreeMap<Instant, ProfileStats>> statsById = new HashMap<>();
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
              placed.creator().displayHandle(),
              placed.day(),
              placed.nextDue(),
              placed.creator().lastScrapedAt(),
              null,
              addedAt,
              null,
              null,
              null));
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
  public synchronized List<Creator> search(CreatorQuery query) {
    CreatorId after = query.after();
    NavigableMap<Long, Creator> candidates =
        after == null ? byId : byId.tailMap(after.value(), false);
    return candidates.values().stream().filter(query::matches).limit(query.limit()).toList();
  }

  @Override
  public synchronized List<Optional<CreatorId>> returnGone(List<PlacedCreator> creators) {
    List<Optional<CreatorId>> ids = new ArrayList<>(creators.size());
    for (PlacedCreator placed : creators) {
      Optional<Creator> gone =
          find(placed.creator().platform(), placed.creator().handle()).filter(Creator::isGone);
      gone.ifPresent(creator -> byId.put(creator.id().value(), creator.returned(placed.day())));
      ids.add(gone.map(Creator::id));
    }
    return ids;
  }

  @Override
  public synchronized Optional<Creator> remove(CreatorId id, Instant at) {
    Creator old = byId.get(id.value());
    if (old == null || old.isRemoved()) {
      return Optional.empty();
    }
    Creator removed = old.removed(at);
    byId.put(id.value(), removed);
    return Optional.of(removed);
  }

  @Override
  public synchronized List<Creator> recordNotFound(List<NotFoundAnswer> answers, int goneAfter) {
    List<Creator> markedGone = new ArrayList<>();
    for (NotFoundAnswer answer : answers) {
      Creator old = byId.get(answer.creatorId().value());
      if (old == null) {
        continue;
      }
      Creator updated = old.notFoundIn(answer.jobDate(), answer.at(), goneAfter);
      byId.put(old.id().value(), updated);
      if (updated.isGone() && !old.isGone()) {
        markedGone.add(updated);
      }
    }
    return markedGone;
  }

  @Override
  public synchronized Map<CycleDay, Long> countByDay() {
    Map<CycleDay, Long> counts = new TreeMap<>();
    for (Creator creator : byId.values()) {
      if (!creator.isGone()) {
        counts.merge(creator.day(), 1L, Long::sum);
      }
    }
    return counts;
  }

  @Override
  public synchronized long count() {
    return count(creator -> !creator.isGone());
  }

  @Override
  public synchronized long countGone() {
    return count(creator -> creator.isGone() && !creator.isRemoved());
  }

  @Override
  public synchronized long countDueOn(LocalDate date) {
    return count(creator -> creator.isDueOn(date));
  }

  @Override
  public synchronized long countScheduledFor(LocalDate date) {
    return count(creator -> !creator.isGone() && date.equals(creator.nextDue()));
  }

  @Override
  public synchronized void recordVisits(List<CreatorVisit> visits) {
    for (CreatorVisit visit : visits) {
      Creator old = byId.get(visit.creatorId().value());
      if (old == null) {
        continue;
      }
      byId.put(old.id().value(), old.visited(visit));
      visit
          .snapshot()
          .ifPresent(
              snapshot ->
                  statsById
                      .computeIfAbsent(old.id().value(), id -> new TreeMap<>())
                      .putIfAbsent(snapshot.scrapedAt(), snapshot.stats()));
    }
  }

  @Override
  public synchronized List<StatsSnapshot> statsHistory(
      CreatorId id, @Nullable Instant since, int limit) {
    NavigableMap<Instant, ProfileStats> history =
        statsById.getOrDefault(id.value(), new TreeMap<>());
    NavigableMap<Instant, ProfileStats> wanted =
        since == null ? history : history.tailMap(since, true);
    List<StatsSnapshot> latestFirst = new ArrayList<>();
    for (Map.Entry<Instant, ProfileStats> entry : wanted.descendingMap().entrySet()) {
      if (latestFirst.size() >= limit) {
        break;
      }
      latestFirst.add(new StatsSnapshot(id, entry.getKey(), entry.getValue()));
    }
    Collections.reverse(latestFirst);
    return latestFirst;
  }

  @Override
  public synchronized int pruneStats(Instant before, int limit) {
    int deleted = 0;
    for (TreeMap<Instant, ProfileStats> history : statsById.values()) {
      while (deleted < limit && !history.isEmpty() && history.firstKey().isBefore(before)) {
        history.pollFirstEntry();
        deleted++;
      }
    }
    statsById.values().removeIf(Map::isEmpty);
    return deleted;
  }

  @Override
  public synchronized List<ScheduledCreator> onDay(CycleDay day, int limit) {
    List<ScheduledCreator> found = new ArrayList<>();
    for (Creator creator : byId.descendingMap().values()) {
      if (found.size() >= limit) {
        break;
      }
      if (creator.day().equals(day) && !creator.isGone()) {
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
