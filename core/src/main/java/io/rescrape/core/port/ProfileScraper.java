package io.rescrape.core.port;

import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.RequestBudget;
import io.rescrape.core.domain.ScrapeResult;
import java.util.Optional;

/**
 * Reads one creator profile from one platform. Called from many worker threads at once.
 *
 * <p>Every response should map to a {@link ScrapeResult}; an exception that escapes anyway is
 * treated as a transient failure and logged as a scraper bug.
 */
public interface ProfileScraper {

  /** {@return the platform it reads; Rescrape takes one scraper per platform} */
  Platform platform();

  /**
   * Reads one profile once. Whether and when to try again is Rescrape's decision, made from the
   * outcome.
   *
   * @param handle the normalised handle on {@link #platform()}
   * @return the profile, or the outcome class that the response or its absence stands for
   */
  ScrapeResult scrape(Handle handle);

  /**
   * {@return the request budget its platform tolerates, applied unless the runner settings give the
   * platform a budget of their own or none} Default: none.
   */
  default Optional<RequestBudget> defaultBudget() {
    return Optional.empty();
  }
}
