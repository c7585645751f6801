package io.rescrape.scraper;

import io.rescrape.core.domain.Profile;
import io.rescrape.core.domain.ScrapeResult;
import org.jspecify.annotations.Nullable;

/** The outcome of a profile that was read from a successful answer, on any platform. */
final class ProfileOutcome {

  private ProfileOutcome() {}

  /**
   * Private when the profile says so, otherwise a success that must carry a follower count. An
   * answer that names another account than the one asked for is a transient failure: storing it
   * would give this creator another account's stats.
   *
   * @param answeredFor the account name the answer carries, or null when it carries none
   */
  static ScrapeResult of(Lookup lookup, int status, Profile profile, @Nullable String answeredFor) {
    if (answeredFor != null && !answeredFor.equalsIgnoreCase(lookup.handle().value())) {
      return ScrapeResult.transientFailure(
          lookup.describe(
              status, "the answer is for another account, @" + Bodies.excerpt(answeredFor, 40)));
    }
    if (Boolean.TRUE.equals(profile.privateAccount())) {
      return ScrapeResult.privateAccount(profile, lookup.describe(status, "private account"));
    }
    if (profile.stats().followers() == null) {
      throw new UnexpectedStructureException("no follower count on a public profile");
    }
    return ScrapeResult.ok(profile);
  }
}
