package io.rescrape.core.service;

import io.rescrape.core.domain.Creator;
import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.CreatorQuery;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a creator listing.
 *
 * @param creators the creators on this page, in ascending id order
 * @param next the id to continue after, as {@link CreatorQuery#withAfter} takes it; null when this
 *     is the last page
 */
public record CreatorPage(List<Creator> creators, @Nullable CreatorId next) {

  /**
   * A page.
   *
   * @param creators copied
   * @param next the id to continue after, or null on the last page
   */
  public CreatorPage {
    creators = List.copyOf(creators);
  }

  /** {@return whether another page follows} */
  public boolean hasNext() {
    return next != null;
  }
}
