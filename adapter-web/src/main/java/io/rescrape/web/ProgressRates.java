package io.rescrape.web;

import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.JobId;
import io.rescrape.core.domain.JobProgress;
import io.rescrape.core.domain.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How fast running jobs finish items, from the progress this server has read: the items finished
 * over the last minute of readings, or since the job started while there is only one reading.
 * Thread-safe; it forgets jobs that stopped.
 */
final class ProgressRates {

  /** The rate and the end it points to; both null when unknown. */
  record Estimate(@Nullable Double perSecond, @Nullable Instant expectedEnd) {
    static final Estimate UNKNOWN = new Estimate(null, null);
  }

  private record Reading(Instant at, long finished) {}

  private static final Duration WINDOW = Duration.ofMinutes(1);
  private static final Duration SHORTEST_SPAN = Duration.ofSeconds(2);
  private static final int MAX_READINGS = 120;
  private static final int MAX_JOBS = 16;

  private final Map<JobId, Deque<Reading>> readings = new HashMap<>();

  synchronized Estimate estimate(DailyJob job, JobProgress progress, Instant now) {
    if (job.status() != JobStatus.RUNNING) {
      readings.remove(job.id());
      return Estimate.UNKNOWN;
    }
    Deque<Reading> history = readings.computeIfAbsent(job.id(), id -> new ArrayDeque<>());
    if (readings.size() > MAX_JOBS) {
      readings.keySet().removeIf(id -> !id.equals(job.id()));
    }
    history.addLast(new Reading(now, progress.finished()));
    while (history.size() > MAX_READINGS
        || Duration.between(history.peekFirst().at(), now).compareTo(WINDOW) > 0) {
      history.removeFirst();
    }
    Double perSecond = rate(history, job, progress, now);
    if (perSecond == null || perSecond <= 0) {
      return new Estimate(perSecond, null);
    }
    long millisLeft = (long) Math.ceil(progress.remaining() / perSecond * 1000);
    return new Estimate(perSecond, now.plusMillis(millisLeft));
  }

  private static @Nullable Double rate(
      Deque<Reading> history, DailyJob job, JobProgress progress, Instant now) {
    Reading oldest = history.peekFirst();
    Duration span = Duration.between(oldest.at(), now);
    if (span.compareTo(SHORTEST_SPAN) >= 0) {
      return (progress.finished() - oldest.finished()) / seconds(span);
    }
    Instant started = job.startedAt();
    if (started == null || !now.isAfter(started)) {
      return null;
    }
    return progress.finished() / seconds(Duration.between(started, now));
  }

  private static double seconds(Duration span) {
    return span.toMillis() / 1000.0;
  }
}
