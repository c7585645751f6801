package io.rescrape.core.event;

import io.rescrape.core.domain.DailyJob;
import java.time.Instant;

/**
 * A daily job was created, holding every creator due on its date.
 *
 * @param at when it was created
 * @param job the new job, PENDING
 */
public record DailyJobCreated(Instant at, DailyJob job) implements RescrapeEvent {}
