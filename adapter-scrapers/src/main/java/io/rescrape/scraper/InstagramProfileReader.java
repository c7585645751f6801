package io.rescrape.scraper;

import com.fasterxml.jackson.databind.JsonNode;
import io.rescrape.core.domain.Profile;
import io.rescrape.core.domain.ProfileStats;
import io.rescrape.core.domain.ScrapeResult;
import org.jspecify.annotations.Nullable;

/** Reads Instagram's {@code web_profile_info} JSON answer. */
final class InstagramProfileReader implements HttpProfileFetcher.BodyReader {

  @Override
  public ScrapeResult read(Lookup lookup, int status, String body) {
    if (Bodies.isMarkup(body)) {
      return ScrapeResult.blocked(
          lookup.describe(status, "an HTML page instead of JSON, likely a login wall"));
    }
    JsonNode root = Json.parseObject(body, "the answer");
    if (isRefusal(root)) {
      String why = Bodies.excerpt(root.path("message").asText("login required"), 80);
      return ScrapeResult.blocked(lookup.describe(status, "refused: " + why));
    }
    JsonNode user = user(root);
    return user.isNull()
        ? missingUser(lookup, status, root)
        : ProfileOutcome.of(lookup, status, profile(user));
  }

  /** Instagram's answer when it wants a login or a challenge solved, or refuses for a while. */
  private static boolean isRefusal(JsonNode root) {
    return root.path("require_login").asBoolean(false)
        || root.path("status").asText().equals("fail");
  }

  /** {@code data.user}: an object, or null for an account that does not exist. */
  private static JsonNode user(JsonNode root) {
    JsonNode user = Json.object(root, "data", "data").path("user");
    if (!user.isObject() && !user.isNull()) {
      throw new UnexpectedStructureException("no data.user object");
    }
    return user;
  }

  private static ScrapeResult missingUser(Lookup lookup, int status, JsonNode root) {
    JsonNode errors = root.path("errors");
    if (errors.isArray() && !errors.isEmpty()) {
      // An error list means the platform failed to answer, not that the account is gone.
      String first = errors.get(0).path("message").asText(errors.get(0).toString());
      return ScrapeResult.transientFailure(
          lookup.describe(status, "platform error: " + Bodies.excerpt(first, 80)));
    }
    return ScrapeResult.notFound(lookup.describe(status, "no such account"));
  }

  private static Profile profile(JsonNode user) {
    return new Profile(
        Json.text(user, "id"),
        Json.text(user, "full_name"),
        Json.text(user, "biography"),
        Json.flag(user, "is_verified"),
        Json.flag(user, "is_private"),
        stats(user));
  }

  private static ProfileStats stats(JsonNode user) {
    return Count.stats(
        count(user, "edge_followed_by", "follower_count"),
        count(user, "edge_follow", "following_count"),
        count(user, "edge_owner_to_timeline_media", "media_count"),
        null); // Instagram shows no total of likes on a profile
  }

  /** A count in the nested form ({@code edge.count}) or else in the flat form. */
  private static @Nullable Count count(JsonNode user, String edge, String flatField) {
    JsonNode nested = Json.optionalObject(user, edge, edge);
    Count count = nested == null ? null : Json.count(nested, "count", edge + ".count");
    return count != null ? count : Json.count(user, flatField);
  }
}
