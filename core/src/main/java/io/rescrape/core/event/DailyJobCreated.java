package io.rescrape.core.event;

import io.rescrape.core.domain.DailyJob;
import java.time.Instant;

/** A daily job was created, holding every creator due on its date. */
public record DailyJobCreated(Instant at, DailyJob job) implements RescrapeEvent {}
