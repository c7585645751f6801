package io.rescrape.scraper;

import io.rescrape.core.domain.ProfileStats;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * One count as the platform showed it.
 *
 * @param value the count
 * @param approximate whether it was shown rounded, such as {@code 1.2M}
 */
record Count(long value, boolean approximate) {

  static Count exact(long value) {
    return new Count(value, false);
  }

  /** The stats of these counts, approximate when any of them is; a null count stays unknown. */
  static ProfileStats stats(
      @Nullable Count followers,
      @Nullable Count following,
      @Nullable Count posts,
      @Nullable Count likes) {
    boolean approximate =
        Stream.of(followers, following, posts, likes)
            .anyMatch(count -> count != null && count.approximate());
    return new ProfileStats(
        valueOf(followers), valueOf(following), valueOf(posts), valueOf(likes), approximate);
  }

  private static @Nullable Long valueOf(@Nullable Count count) {
    return count == null ? null : count.value();
  }
}
