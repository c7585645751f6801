package io.rescrape.core.event;

import io.rescrape.core.domain.JobId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The daily trigger planned a date at its trigger time, or after it: {@code at - scheduledAt} is
 * how late the date's job came to exist. A process that was down at trigger time fires when it
 * starts, and a trigger that failed fires when a retry succeeds, so both show here as lateness.
 *
 * <p>The trigger fires on every instance. When another instance or an earlier run of this one had
 * already created the date's job, {@code created} is false and {@code jobId} names that job; when
 * no creator was due, {@code jobId} is null and no job exists. Either way the lateness is that of
 * this instance's trigger.
 *
 * @param at when planning the date finished: the job stored or found, or nothing found due
 * @param date the date planned
 * @param scheduledAt the date's trigger time
 * @param jobId the date's job, new or existing; null when nothing was due
 * @param created whether this firing created the job
 */
public record TriggerFired(
    Instant at, LocalDate date, Instant scheduledAt, @Nullable JobId jobId, boolean created)
    implements RescrapeEvent {

  /** {@return how long after its trigger time the date was planned; negative if before} */
  public Duration lateness() {
    return Duration.between(scheduledAt, at);
  }
}
