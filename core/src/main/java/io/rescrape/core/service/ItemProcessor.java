package io.rescrape.core.service;

import io.rescrape.core.domain.CreatorVisit;
import io.rescrape.core.domain.ItemResult;
import io.rescrape.core.domain.NotFoundAnswer;
import io.rescrape.core.domain.SchedulePolicy;
import io.rescrape.core.domain.ScrapeOutcome;
import io.rescrape.core.domain.ScrapeResult;
import io.rescrape.core.domain.WorkItem;
import io.rescrape.core.port.ProfileScraper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Scrapes one item and turns the outcome into what the ledger and the creator record. */
final class ItemProcessor {

  private static final Logger log = LoggerFactory.getLogger(ItemProcessor.class);

  private final SchedulePolicy policy;
  private final RunnerSettings settings;
  private final PlatformGuard guard;
  private final Clock clock;

  ItemProcessor(SchedulePolicy policy, RunnerSettings settings, PlatformGuard guard, Clock clock) {
    this.policy = policy;
    this.settings = settings;
    this.guard = guard;
    this.clock = clock;
  }

  Processed process(WorkItem item, LocalDate jobDate, ProfileScraper scraper) {
    if (!item.triedBefore() && !SchedulePolicy.isDue(item.nextDue(), jobDate)) {
      String why = "already refreshed by another job; next due " + item.nextDue();
      return new Processed(item, ItemResult.skipped(item.creatorId(), why), null, Duration.ZERO);
    }
    Instant started = clock.instant();
    ScrapeResult result = scrapeSafely(item, scraper);
    Instant finished = clock.instant();
    Duration took = Duration.between(started, finished);
    Instant pausedUntil = guard.answered(item.platform(), result, started, finished);
    return switch (result.outcome().effect()) {
      case SUCCEED ->
          new Processed(
              item,
              ItemResult.done(item.creatorId()),
              visit(item, jobDate, result, finished),
              took);
      case FAIL -> failed(item, jobDate, result, finished, took);
      case RETRY -> retried(item, result, finished, took);
      case DEFER -> deferred(item, result, pausedUntil != null ? pausedUntil : finished, took);
    };
  }

  private ScrapeResult scrapeSafely(WorkItem item, ProfileScraper scraper) {
    try {
      return scraper.scrape(item.handle());
    } catch (RuntimeException e) {
      log.error(
          "Scraper for {} threw on creator {} ({}); counted as a transient failure, but the"
              + " scraper should return an outcome instead",
          item.platform(),
          item.creatorId(),
          item.handle(),
          e);
      return ScrapeResult.transientFailure("scraper error: " + e);
    }
  }

  private Processed failed(
      WorkItem item, LocalDate jobDate, ScrapeResult result, Instant at, Duration took) {
    ItemResult failure = ItemResult.failed(item.creatorId(), result.outcome(), result.message());
    CreatorVisit visit = result.outcome().countsAsVisit() ? visit(item, jobDate, result, at) : null;
    NotFoundAnswer notFound =
        result.outcome() == ScrapeOutcome.NOT_FOUND
            ? new NotFoundAnswer(item.creatorId(), jobDate, at)
            : null;
    return new Processed(item, failure, visit, took, notFound);
  }

  private Processed retried(WorkItem item, ScrapeResult result, Instant at, Duration took) {
    if (item.attempt() >= settings.maxAttempts()) {
      String message = result.message() + " (gave up after " + item.attempt() + " attempts)";
      return new Processed(
          item, ItemResult.failed(item.creatorId(), result.outcome(), message), null, took);
    }
    Instant retryAt = at.plus(settings.backoffAfter(item.attempt()));
    return new Processed(
        item,
        ItemResult.retry(item.creatorId(), result.outcome(), result.message(), retryAt),
        null,
        took);
  }

  private Processed deferred(WorkItem item, ScrapeResult result, Instant resumeAt, Duration took) {
    return new Processed(
        item,
        ItemResult.deferred(item.creatorId(), result.outcome(), result.message(), resumeAt),
        null,
        took);
  }

  private CreatorVisit visit(WorkItem item, LocalDate jobDate, ScrapeResult result, Instant at) {
    LocalDate nextDue = policy.nextDueAfterVisit(item.day(), jobDate);
    return new CreatorVisit(item.creatorId(), at, nextDue, result.profile(), result.outcome());
  }

  /** {@return how many NOT_FOUND job dates mark a creator gone} */
  int goneAfterNotFound() {
    return policy.settings().goneAfterNotFound();
  }

  /**
   * One processed item.
   *
   * @param item what was processed
   * @param result what the ledger records
   * @param visit what the creator records; null when it was not reached
   * @param took how long the scrape took
   * @param notFound the platform's answer that the creator does not exist; null for any other
   */
  record Processed(
      WorkItem item,
      ItemResult result,
      @Nullable CreatorVisit visit,
      Duration took,
      @Nullable NotFoundAnswer notFound) {

    Processed(WorkItem item, ItemResult result, @Nullable CreatorVisit visit, Duration took) {
      this(item, result, visit, took, null);
    }

    ScrapeOutcome outcome() {
      return result.outcome();
    }
  }
}
