/**
 * Values and rules with no I/O: creators and their schedule ({@link
 * io.rescrape.core.domain.SchedulePolicy}, {@link io.rescrape.core.domain.Cycle}), daily jobs and
 * their items, scrape outcomes, and the {@link io.rescrape.core.domain.RescrapeException} family.
 */
@NullMarked
package io.rescrape.core.domain;

import org.jspecify.annotations.NullMarked;
