package io.rescrape.core.event;

import java.time.Instant;
import java.time.LocalDate;

/** The trigger fired for a date on which no creator was due, so no job was created. */
public record NothingDue(Instant at, LocalDate date) implements RescrapeEvent {}
