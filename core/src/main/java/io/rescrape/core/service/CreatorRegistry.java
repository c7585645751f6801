package io.rescrape.core.service;

import io.rescrape.core.domain.Creator;
import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.CreatorQuery;
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

  /**
   * A registry over a store.
   *
   * @param creators where creators are stored
   * @param policy the rules that place new creators
   * @param clock the time creators are added at, and "now" for imported last scrapes
   */
  @Inject
  public CreatorRegistry(CreatorStore creators, SchedulePolicy policy, Clock clock) {
    this.creators = creators;
    this.policy = policy;
    this.clock = clock;
  }

  /** {@return a new import session} It reads the current load per day once, when it starts. */
  public CreatorImport startImport() {
    return new CreatorImport(creators, policy, clock);
  }

  /**
   * Adds one creator to the least-loaded active day, or to the day of its last scrape when it
   * brings one. For many creators, {@link #startImport()} reads the loads once instead of each
   * time.
   *
   * @param creator the creator to add
   * @return added with its new id, brought back when it was gone, a duplicate, or rejected with the
   *     reason
   */
  public ImportOutcome add(NewCreator creator) {
    return startImport().add(List.of(creator)).get(0);
  }

  /**
   * {@return the creator with this id, or empty when there is none}
   *
   * @param id the store's id
   */
  public Optional<Creator> find(CreatorId id) {
    return creators.find(id);
  }

  /**
   * {@return the creator with this account, gone or not, or empty when it is not stored}
   *
   * @param platform where the profile lives
   * @param handle the normalised handle
   */
  public Optional<Creator> find(Platform platform, Handle handle) {
    return creators.find(platform, handle);
  }

  /**
   * {@return one page of the creators a query asks for, in ascending id order, and where the next
   * page starts} Pass {@link CreatorPage#next()} to {@link CreatorQuery#withAfter} for the next
   * page; every creator that matches throughout appears on exactly one page.
   *
   * @param query the platform, handle text and gone state wanted, and the page
   */
  public CreatorPage search(CreatorQuery query) {
    List<Creator> page = creators.search(query);
    if (page.size() < query.limit()) {
      return new CreatorPage(page, null);
    }
    // A full page may be the last one: look one creator further before promising another.
    CreatorId last = page.get(page.size() - 1).id();
    boolean more = !creators.search(query.withAfter(last).withLimit(1)).isEmpty();
    return new CreatorPage(page, more ? last : null);
  }

  /** {@return the number of creators on the schedule, gone ones left out} */
  public long count() {
    return creators.count();
  }

  /**
   * {@return the number of creators marked gone after repeated NOT_FOUND answers} They are not on
   * the schedule; adding their accounts again brings them back.
   */
  public long countGone() {
    return creators.countGone();
  }
}
