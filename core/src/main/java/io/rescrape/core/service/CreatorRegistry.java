package io.rescrape.core.service;

import io.rescrape.core.domain.Creator;
import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.NewCreator;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.SchedulePolicy;
import io.rescrape.core.port.CreatorStore;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Adds creators to the schedule and looks them up. */
public final class CreatorRegistry {

  private final CreatorStore creators;
  private final SchedulePolicy policy;
  private final Clock clock;

  @Inject
  public CreatorRegistry(CreatorStore creators, SchedulePolicy policy, Clock clock) {
    this.creators = creators;
    this.policy = policy;
    this.clock = clock;
  }

  /** Starts an import; reads the current load per day once. */
  public CreatorImport startImport() {
    return new CreatorImport(creators, policy, clock);
  }

  /** Adds one creator to the least-loaded active day. */
  public ImportOutcome add(NewCreator creator) {
    return startImport().add(List.of(creator)).get(0);
  }

  public Optional<Creator> find(CreatorId id) {
    return creators.find(id);
  }

  public Optional<Creator> find(Platform platform, Handle handle) {
    return creators.find(platform, handle);
  }

  public long count() {
    return creators.count();
  }
}
