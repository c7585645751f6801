/**
 * What the core needs from the outside, named for what it stores or does: {@link
 * io.rescrape.core.port.CreatorStore}, {@link io.rescrape.core.port.JobStore} with its item ledger,
 * {@link io.rescrape.core.port.WorkQueue}, {@link io.rescrape.core.port.ProfileScraper} and {@link
 * io.rescrape.core.port.RescrapeEventListener}. Time comes from a {@link java.time.Clock}. Adapters
 * are named after their technology and port, such as {@code JdbcJobStore}.
 */
@NullMarked
package io.rescrape.core.port;

import org.jspecify.annotations.NullMarked;
