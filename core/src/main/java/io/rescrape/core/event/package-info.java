/**
 * What happened, in the past tense and stamped from the injected clock, for a host's {@link
 * io.rescrape.core.port.RescrapeEventListener}: metrics, dashboards, audit.
 */
@NullMarked
package io.rescrape.core.event;

import org.jspecify.annotations.NullMarked;
