package io.rescrape.core.event;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The trigger could not create a date's job and tries again at {@code retryAt}.
 *
 * @param at when the attempt failed
 * @param date the date whose job was not created
 * @param error the exception, as text
 * @param retryAt when the trigger tries again
 */
public record TriggerFailed(Instant at, LocalDate date, String error, Instant retryAt)
    implements RescrapeEvent {}
