package io.rescrape.core.event;

import java.time.Instant;
import java.time.LocalDate;

/** The trigger could not create a date's job and tries again at {@code retryAt}. */
public record TriggerFailed(Instant at, LocalDate date, String error, Instant retryAt)
    implements RescrapeEvent {}
