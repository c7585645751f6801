package io.rescrape.core.domain;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A creator whose profile Rescrape keeps fresh.
 *
 * <p>A creator the platform said does not exist, in the jobs of several different dates in a row,
 * is <em>gone</em>: it leaves the schedule (due in no job, counted on no day) but stays stored and
 * findable. A visit, or adding its account again, brings it back. A creator someone removed leaves
 * the schedule the same way, marked {@link GoneReason#REMOVED}; only adding its account again
 * brings it back.
 *
 * @param id the store's id
 * @param platform where the profile lives
 * @param handle the normalised handle
 * @param displayHandle the handle as first added, case kept, without {@code @} or URL
 * @param day the cycle day its visits are planned on
 * @param nextDue the date of the daily job it is next due in; null until its first visit, which
 *     makes it due at once
 * @param lastScrapedAt when its profile was last read
 * @param profile what the last visit read; null before the first one
 * @param addedAt when it joined the schedule
 * @param notFound the NOT_FOUND answers since its last visit; null when there were none
 * @param goneSince when it was marked gone or removed; null while it is on the schedule
 * @param goneReason why it left the schedule; null while it is on the schedule
 */
public record Creator(
    CreatorId id,
    Platform platform,
    Handle handle,
    String displayHandle,
    CycleDay day,
    @Nullable LocalDate nextDue,
    @Nullable Instant lastScrapedAt,
    @Nullable Profile profile,
    Instant addedAt,
    @Nullable NotFoundStreak notFound,
    @Nullable Instant goneSince,
    @Nullable GoneReason goneReason) {

  /**
   * A creator as stored.
   *
   * @throws IllegalArgumentException when only one of {@code goneSince} and {@code goneReason} is
   *     set
   */
  public Creator {
    if ((goneSince == null) != (goneReason == null)) {
      throw new IllegalArgumentException(
          "creator " + id + " has gone since " + goneSince + " but gone reason " + goneReason);
    }
  }

  /**
   * {@return this creator after a visit: its new due date, scrape time and what the visit learned}
   * A field the visit's profile left null keeps its stored value. A visit ends the NOT_FOUND streak
   * and brings a creator gone after NOT_FOUND answers back; a removed one stays removed.
   *
   * @param visit what the visit found
   */
  public Creator visited(CreatorVisit visit) {
    Profile learned = visit.profile() == null ? profile : visit.profile().orElse(profile);
    boolean removed = isRemoved();
    return new Creator(
        id,
        platform,
        handle,
        displayHandle,
        day,
        visit.nextDue(),
        visit.scrapedAt(),
        learned,
        addedAt,
        null,
        removed ? goneSince : null,
        removed ? goneReason : null);
  }

  /**
   * {@return this creator on another cycle day and due date, as a rebalance leaves it}
   *
   * @param newDay the cycle day it moves to
   * @param newNextDue its due date on that day; null means due at once
   */
  public Creator rescheduled(CycleDay newDay, @Nullable LocalDate newNextDue) {
    return new Creator(
        id,
        platform,
        handle,
        displayHandle,
        newDay,
        newNextDue,
        lastScrapedAt,
        profile,
        addedAt,
        notFound,
        goneSince,
        goneReason);
  }

  /**
   * {@return this creator after the platform said, in the job of {@code jobDate}, that it does not
   * exist} The streak grows only for a job date later than its last one; once it spans {@code
   * goneAfter} dates the creator is gone from {@code at} on. A gone or removed creator stays so,
   * since the time it was first marked.
   *
   * @param jobDate the date of the job that got the answer
   * @param at when the answer was recorded
   * @param goneAfter how many different job dates mark it gone, as {@link
   *     ScheduleSettings#goneAfterNotFound()} sets
   */
  public Creator notFoundIn(LocalDate jobDate, Instant at, int goneAfter) {
    NotFoundStreak streak =
        notFound == null ? NotFoundStreak.startedOn(jobDate) : notFound.confirmedOn(jobDate);
    Instant gone = goneSince != null || streak.dates() < goneAfter ? goneSince : at;
    GoneReason reason = goneSince != null ? goneReason : gone != null ? GoneReason.NOT_FOUND : null;
    return new Creator(
        id,
        platform,
        handle,
        displayHandle,
        day,
        nextDue,
        lastScrapedAt,
        profile,
        addedAt,
        streak,
        gone,
        reason);
  }

  /**
   * {@return this creator removed from the schedule at {@code at}} It leaves the schedule as a gone
   * creator does and keeps everything else; a gone one becomes removed. A creator already removed
   * is returned unchanged.
   *
   * @param at when it was removed
   */
  public Creator removed(Instant at) {
    if (isRemoved()) {
      return this;
    }
    return new Creator(
        id,
        platform,
        handle,
        displayHandle,
        day,
        nextDue,
        lastScrapedAt,
        profile,
        addedAt,
        notFound,
        at,
        GoneReason.REMOVED);
  }

  /**
   * {@return this gone or removed creator back on the schedule, on {@code newDay} and due at once}
   * Its NOT_FOUND streak is forgotten; its display handle, stats and history stay.
   *
   * @param newDay the cycle day it joins
   */
  public Creator returned(CycleDay newDay) {
    return new Creator(
        id,
        platform,
        handle,
        displayHandle,
        newDay,
        null,
        lastScrapedAt,
        profile,
        addedAt,
        null,
        null,
        null);
  }

  /** {@return whether it left the schedule, gone after NOT_FOUND answers or removed} */
  public boolean isGone() {
    return goneSince != null;
  }

  /** {@return whether someone removed it from the schedule} */
  public boolean isRemoved() {
    return goneReason == GoneReason.REMOVED;
  }

  /**
   * {@return whether it belongs in the daily job of {@code date}} That is the case when it is not
   * gone and was never visited or its next due date is on or before {@code date}.
   *
   * @param date the date of the job
   */
  public boolean isDueOn(LocalDate date) {
    return !isGone() && SchedulePolicy.isDue(nextDue, date);
  }
}
