package io.rescrape.core.event;

import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.JobId;
import io.rescrape.core.domain.Platform;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A creator was marked gone: the platform said it does not exist in the jobs of enough different
 * dates, with no visit between them. It left the schedule; it is still stored, and adding its
 * account again brings it back.
 *
 * @param at when it was marked gone
 * @param jobId the job whose answer marked it
 * @param creatorId the creator
 * @param platform its platform
 * @param handle its handle
 * @param firstNotFoundOn the date of the first job that did not find it
 * @param lastNotFoundOn the date of the job that marked it gone
 * @param notFoundDates how many different job dates did not find it
 */
public record CreatorGone(
    Instant at,
    JobId jobId,
    CreatorId creatorId,
    Platform platform,
    Handle handle,
    LocalDate firstNotFoundOn,
    LocalDate lastNotFoundOn,
    int notFoundDates)
    implements RescrapeEvent {}
