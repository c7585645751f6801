package io.rescrape.scraper;

import io.rescrape.core.domain.RescrapeException;

/**
 * An answer whose data is not where the scraper looks for it. Thrown while reading a body and
 * turned into a structure-changed result before it leaves the scraper.
 */
final class UnexpectedStructureException extends RescrapeException {

  UnexpectedStructureException(String message) {
    super(message);
  }
}
