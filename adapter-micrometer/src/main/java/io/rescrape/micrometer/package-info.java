/**
 * Micrometer meters for Rescrape: an event listener and gauges that a host registers in its own
 * {@code MeterRegistry}.
 */
@NullMarked
package io.rescrape.micrometer;

import org.jspecify.annotations.NullMarked;
