package io.rescrape.core.domain;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One creator of one job, handed to a worker.
 *
 * @param jobId the job
 * @param creatorId the creator
 * @param platform its platform
 * @param handle its handle
 * @param day its cycle day
 * @param nextDue its next due date as stored now; a date after the job's means another job already
 *     refreshed it
 * @param attempt which attempt this is, from 1
 * @param triedBefore whether this job already has an outcome for the creator: a retry, or a failed
 *     creator reopened by retry-failed. Such an item is scraped even if its due date moved on.
 */
public record WorkItem(
    JobId jobId,
    CreatorId creatorId,
    Platform platform,
    Handle handle,
    CycleDay day,
    @Nullable LocalDate nextDue,
    int attempt,
    boolean triedBefore) {}
