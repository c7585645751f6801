package io.rescrape.core.domain;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A creator whose profile Rescrape keeps fresh.
 *
 * @param id the store's id
 * @param platform where the profile lives
 * @param handle the normalised handle
 * @param day the cycle day its visits are planned on
 * @param nextDue the date of the daily job it is next due in; null until its first visit, which
 *     makes it due at once
 * @param lastScrapedAt when its profile was last read
 * @param profile what the last visit read; null before the first one
 * @param addedAt when it joined the schedule
 */
public record Creator(
    CreatorId id,
    Platform platform,
    Handle handle,
    CycleDay day,
    @Nullable LocalDate nextDue,
    @Nullable Instant lastScrapedAt,
    @Nullable Profile profile,
    Instant addedAt) {

  /**
   * {@return this creator after a visit: its new due date, scrape time and what the visit learned}
   * A field the visit's profile left null keeps its stored value.
   *
   * @param visit what the visit found
   */
  public Creator visited(CreatorVisit visit) {
    Profile learned = visit.profile() == null ? profile : visit.profile().orElse(profile);
    return new Creator(
        id, platform, handle, day, visit.nextDue(), visit.scrapedAt(), learned, addedAt);
  }

  /**
   * {@return this creator on another cycle day and due date, as a rebalance leaves it}
   *
   * @param newDay the cycle day it moves to
   * @param newNextDue its due date on that day; null means due at once
   */
  public Creator rescheduled(CycleDay newDay, @Nullable LocalDate newNextDue) {
    return new Creator(id, platform, handle, newDay, newNextDue, lastScrapedAt, profile, addedAt);
  }

  /**
   * {@return whether it belongs in the daily job of {@code date}} That is the case when it was
   * never visited or its next due date is on or before {@code date}.
   *
   * @param date the date of the job
   */
  public boolean isDueOn(LocalDate date) {
    return SchedulePolicy.isDue(nextDue, date);
  }
}
