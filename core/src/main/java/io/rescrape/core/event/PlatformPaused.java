package io.rescrape.core.event;

import io.rescrape.core.domain.Platform;
import java.time.Instant;

/**
 * A platform throttled us; no worker sends it a request before {@code until}.
 *
 * @param at when the throttling answer came
 * @param platform the platform
 * @param until when requests resume
 * @param reason what the platform answered
 */
public record PlatformPaused(Instant at, Platform platform, Instant until, String reason)
    implements RescrapeEvent {}
