package io.rescrape.core.event;

import io.rescrape.core.domain.JobId;
import io.rescrape.core.domain.JobProgress;
import java.time.Instant;

/**
 * An instance started running a job, or took it over.
 *
 * @param resumed whether some of its items were already finished before this start
 */
public record JobStarted(
    Instant at, JobId jobId, String owner, boolean resumed, JobProgress progress)
    implements RescrapeEvent {}
