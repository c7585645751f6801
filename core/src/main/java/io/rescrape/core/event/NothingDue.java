package io.rescrape.core.event;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A daily job was asked for a date on which no creator was due, so none was created.
 *
 * @param at when the date was planned
 * @param date the date
 */
public record NothingDue(Instant at, LocalDate date) implements RescrapeEvent {}
