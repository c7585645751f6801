package io.rescrape.core.domain;

import org.jspecify.annotations.Nullable;

/**
 * A creator's counts as the platform reported them. A count the platform did not report is null,
 * never 0: zero followers and unknown followers are different facts.
 *
 * @param followers accounts that follow the creator
 * @param following accounts the creator follows
 * @param posts posts or videos published
 * @param likes likes received over all posts; null where the platform shows no total
 * @param approximate whether some count was shown rounded, such as {@code 1.2M}, so it is only
 *     accurate to the digits shown
 */
public record ProfileStats(
    @Nullable Long followers,
    @Nullable Long following,
    @Nullable Long posts,
    @Nullable Long likes,
    boolean approximate) {

  /** No count known. */
  public static final ProfileStats UNKNOWN = new ProfileStats(null, null, null, null);

  /**
   * Exact counts.
   *
   * @param followers accounts that follow the creator
   * @param following accounts the creator follows
   * @param posts posts or videos published
   * @param likes likes received over all posts
   */
  public ProfileStats(
      @Nullable Long followers,
      @Nullable Long following,
      @Nullable Long posts,
      @Nullable Long likes) {
    this(followers, following, posts, likes, false);
  }
}
