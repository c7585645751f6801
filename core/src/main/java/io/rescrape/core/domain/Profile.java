package io.rescrape.core.domain;

import org.jspecify.annotations.Nullable;

/**
 * What a scrape learned about a creator. Fields the platform did not answer are null.
 *
 * @param platformUserId the platform's own id of the account
 * @param displayName the name shown on the profile
 * @param biography the profile text
 * @param verified whether the platform marks the account as verified
 * @param privateAccount whether the account hides its content
 * @param stats the counts
 */
public record Profile(
    @Nullable String platformUserId,
    @Nullable String displayName,
    @Nullable String biography,
    @Nullable Boolean verified,
    @Nullable Boolean privateAccount,
    ProfileStats stats) {

  /**
   * {@return this profile with every field it lacks taken from {@code previous}} Counts are merged
   * one by one.
   *
   * @param previous what is stored from an earlier scrape; null to keep this profile as it is
   */
  public Profile orElse(@Nullable Profile previous) {
    if (previous == null) {
      return this;
    }
    ProfileStats old = previous.stats();
    return new Profile(
        platformUserId != null ? platformUserId : previous.platformUserId(),
        displayName != null ? displayName : previous.displayName(),
        biography != null ? biography : previous.biography(),
        verified != null ? verified : previous.verified(),
        privateAccount != null ? privateAccount : previous.privateAccount(),
        new ProfileStats(
            stats.followers() != null ? stats.followers() : old.followers(),
            stats.following() != null ? stats.following() : old.following(),
            stats.posts() != null ? stats.posts() : old.posts(),
            stats.likes() != null ? stats.likes() : old.likes(),
            stats.approximate()));
  }
}
