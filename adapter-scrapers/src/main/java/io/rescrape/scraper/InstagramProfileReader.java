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
      return refusal(lookup, status, root);
    }
    JsonNode errors = errors(root);
    if (errors != null && !hasUser(root)) {
      return throttled(lookup, status, errors);
    }

    JsonNode user = user(root);
    return isNoAccount(user)
        ? ScrapeResult.notFound(lookup.describe(status, "no such account"))
        : ProfileOutcome.of(lookup, status, profile(user), Json.text(user, "username"));
  }

  /** Instagram's answer when it wants a login or a challenge solved, or refuses for a while. */
  private static boolean isRefusal(JsonNode root) {
    return root.path("require_login").asBoolean(false)
        || root.path("status").asText().equals("fail");
  }

  private static ScrapeResult refusal(Lookup lookup, int status, JsonNode root) {
    String why = root.path("message").asText("login required");
    // "Please wait a few minutes before you try again." comes with require_login, yet it is a
    // throttle: a login would not lift it, and waiting does.
    ScrapeResult byWords = RefusalWords.outcome(lookup, status, why, null);
    if (byWords != null) {
      return byWords;
    }
    return ScrapeResult.blocked(lookup.describe(status, "refused: " + Bodies.excerpt(why, 80)));
  }

  /** The {@code errors} list when the answer has a non-empty one. */
  private static @Nullable JsonNode errors(JsonNode root) {
    JsonNode errors = root.path("errors");
    return errors.isArray() && !errors.isEmpty() ? errors : null;
  }

  private static boolean hasUser(JsonNode root) {
    JsonNode user = root.path("data").path("user");
    return user.isObject() && !user.isEmpty();
  }

  private static ScrapeResult throttled(Lookup lookup, int status, JsonNode errors) {
    // Errors instead of the user mean the platform did not answer, not that the account is gone.
    // It answers so when it sheds load from a client, which is a throttle in disguise.
    String first = errors.get(0).path("message").asText(errors.get(0).toString());
    ScrapeResult byWords = RefusalWords.outcome(lookup, status, first, null);
    if (byWords != null) {
      return byWords;
    }
    return ScrapeResult.rateLimited(
        null, lookup.describe(status, "rate limited: platform error " + quoted(first)));
  }

  /** {@code data.user}: an object, empty or null for an account that does not exist. */
  private static JsonNode user(JsonNode root) {
    JsonNode user = Json.object(root, "data", "data").path("user");
    if (!user.isObject() && !user.isNull()) {
      throw new UnexpectedStructureException("no data.user object");
    }
    return user;
  }

  /** A deleted account comes back as {@code "user": null} or as an empty {@code "user": {}}. */
  private static boolean isNoAccount(JsonNode user) {
    return user.isNull() || user.isEmpty();
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
    Count count = nested == null ? null : Json.nonNegativeCount(nested, "count", edge + ".count");
    return count != null ? count : Json.nonNegativeCount(user, flatField, flatField);
  }

  private static String quoted(String text) {
    return "\"" + Bodies.excerpt(text, 80) + "\"";
  }
}
