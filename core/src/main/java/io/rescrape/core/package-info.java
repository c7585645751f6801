/**
 * Rescrape's core: the rescrape schedule and the services that keep it, behind ports. Start at
 * {@link io.rescrape.core.Rescrape}, which wires the services to a host's stores, queue, scrapers
 * and clock. Types are non-null unless marked {@code @Nullable}.
 */
@NullMarked
package io.rescrape.core;

import org.jspecify.annotations.NullMarked;
