package io.rescrape.scraper;

import io.rescrape.core.domain.Profile;
import io.rescrape.core.domain.ScrapeResult;

/** The outcome of a profile that was read from a successful answer, on any platform. */
final class ProfileOutcome {

  private ProfileOutcome() {}

  /** Private when the profile says so, otherwise a success that must carry a follower count. */
  static ScrapeResult of(Lookup lookup, int status, Profile profile) {
    if (Boolean.TRUE.equals(profile.privateAccount())) {
      return ScrapeResult.privateAccount(profile, lookup.describe(status, "private account"));
    }
    if (profile.stats().followers() == null) {
      throw new UnexpectedStructureException("no follower count on a public profile");
    }
    return ScrapeResult.ok(profile);
  }
}
