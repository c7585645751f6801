package io.rescrape.core.event;

import io.rescrape.core.domain.JobId;
import io.rescrape.core.domain.JobProgress;
import java.time.Instant;

/**
 * An instance started running a job, or took it over.
 *
 * @param at when it started
 * @param jobId the job
 * @param owner the id of the instance that runs it
 * @param resumed whether some of its items were already finished or leased before this start
 * @param progress its item counts at the start
 */
public record JobStarted(
    Instant at, JobId jobId, String owner, boolean resumed, JobProgress progress)
    implements RescrapeEvent {}
