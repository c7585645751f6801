package io.rescrape.core.port;

import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.ScrapeResult;

/**
 * Reads one creator profile from one platform. Called from many worker threads at once.
 *
 * <p>Every response should map to a {@link ScrapeResult}; an exception that escapes anyway is
 * treated as a transient failure and logged as a scraper bug.
 */
public interface ProfileScraper {

  Platform platform();

  ScrapeResult scrape(Handle handle);
}
