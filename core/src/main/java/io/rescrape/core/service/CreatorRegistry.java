package io.rescrape.core.service;

import io.rescrape.core.domain.Creator;
import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.CreatorQuery;
import io.rescrape.core.domain.GoneReason;
import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.NewCreator;
import io.rescrape.core.domain.NotFoundException;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.SchedulePolicy;
import io.rescrape.core.event.CreatorRemoved;
import io.rescrape.core.port.CreatorStore;
import io.rescrape.core.port.JobStore;
import io.rescrape.core.port.RescrapeEventListener;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Adds creators to the schedule, removes them, and looks them up. */
public final class CreatorRegistry {

  /** What the ledger says of the items a removal skips. */
  static final String REMOVED_MESSAGE = "creator removed";

  private static final Logger log = LoggerFactory.getLogger(CreatorRegistry.class);

  private final CreatorStore creators;
  private final JobStore jobs;
  private final SchedulePolicy policy;
  private final Clock clock;
  private final Events events;

  /**
   * A registry over the stores.
   *
   * @param creators where creators are stored
   * @param jobs the item ledger, whose unclaimed items of a removed creator are skipped
   * @param policy the rules that place new creators
   * @param clock the time creators are added and removed at, and "now" for imported last scrapes
   * @param listener receives {@code CreatorRemoved}
   */
  @Inject
  public CreatorRegistry(
      CreatorStore creators,
      JobStore jobs,
      SchedulePolicy policy,
      Clock clock,
      RescrapeEventListener listener) {
    this.creators = creators;
    this.jobs = jobs;
    this.policy = policy;
    this.clock = clock;
    this.events = new Events(listener);
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
   * Removes a creator from the schedule. It leaves the schedule as a gone creator does: due in no
   * job, planned on no day, counted nowhere. It stays stored and findable with its stats history
   * and past job items, marked {@link GoneReason#REMOVED}, so that it reads as removed rather than
   * gone; a visit does not bring it back, adding its account again does ({@link #add}, {@link
   * #startImport}).
   *
   * <p>Its items that no worker holds yet, in jobs not COMPLETED or CANCELLED, are skipped with the
   * message {@code "creator removed"}: a running job neither scrapes it nor waits for it, and its
   * counts still add up. An item being scraped right now finishes normally. Removing a removed
   * creator changes nothing and returns it as it is; it also skips again, which completes a removal
   * that stopped between its two writes.
   *
   * @param id the creator
   * @return the creator as stored afterwards
   * @throws NotFoundException when no creator has this id
   */
  public Creator remove(CreatorId id) {
    Instant now = clock.instant();
    Optional<Creator> removedNow = creators.remove(id, now);
    Creator creator =
        removedNow.orElseGet(
            () -> creators.find(id).orElseThrow(() -> NotFoundException.creator(id)));

    long skipped = jobs.skipPending(id, REMOVED_MESSAGE, now);

    if (removedNow.isPresent()) {
      announceRemoval(creator, now, skipped);
    } else if (skipped > 0) {
      log.info(
          "Creator {} ({} {}) was already removed; {} pending job items it still had are skipped"
              + " now",
          id,
          creator.platform(),
          creator.handle(),
          skipped);
    }
    return creator;
  }

  private void announceRemoval(Creator creator, Instant at, long skipped) {
    log.info(
        "Creator {} ({} {}) removed: it leaves the schedule, its history stays, {} pending job"
            + " items skipped; adding its account again brings it back",
        creator.id(),
        creator.platform(),
        creator.handle(),
        skipped);
    events.publish(
        new CreatorRemoved(at, creator.id(), creator.platform(), creator.handle(), skipped));
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
   * the schedule; adding their accounts again brings them back. Removed creators are not counted.
   */
  public long countGone() {
    return creators.countGone();
  }
}
