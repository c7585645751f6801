package io.rescrape.core.event;

import io.rescrape.core.domain.Platform;
import java.time.Instant;

/**
 * A platform's circuit breaker opened on this instance: most recent answers were blocks or pages
 * the scraper cannot read, or the platform rejected our client's configuration. No request goes to
 * the platform before {@code until}.
 *
 * @param at when it opened
 * @param platform the platform
 * @param failingSince when the failing answers began
 * @param until when one request at a time tests the platform again
 * @param reason the last failing answer
 */
public record CircuitOpened(
    Instant at, Platform platform, Instant failingSince, Instant until, String reason)
    implements RescrapeEvent {}
