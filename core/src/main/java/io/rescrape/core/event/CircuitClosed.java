package io.rescrape.core.event;

import io.rescrape.core.domain.Platform;
import java.time.Instant;

/**
 * A platform whose circuit breaker was open answered normally again; requests go out as before.
 *
 * @param at when the normal answer came
 * @param platform the platform
 */
public record CircuitClosed(Instant at, Platform platform) implements RescrapeEvent {}
