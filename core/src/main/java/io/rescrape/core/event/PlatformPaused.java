package io.rescrape.core.event;

import io.rescrape.core.domain.Platform;
import java.time.Instant;

/** A platform throttled us; no worker sends it a request before {@code until}. */
public record PlatformPaused(Instant at, Platform platform, Instant until, String reason)
    implements RescrapeEvent {}
