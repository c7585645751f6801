package io.rescrape.scraper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.rescrape.core.domain.Profile;
import io.rescrape.core.domain.ProfileStats;
import io.rescrape.core.domain.ScrapeResult;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reads the rehydration data that TikTok embeds in a profile page. */
final class TikTokProfileReader implements HttpProfileFetcher.BodyReader {

  private static final Pattern DATA_SCRIPT =
      Pattern.compile(
          "<script[^>]*\\bid=\"__UNIVERSAL_DATA_FOR_REHYDRATION__\"[^>]*>(.*?)</script>",
          Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final long OK = 0;
  private static final long PRIVATE = 10222;

  /** The codes that come with {@code "statusMsg": "user not exist"}. */
  private static final Set<Long> NOT_FOUND = Set.of(10221L, 10202L);

  @Override
  public ScrapeResult read(Lookup lookup, int status, String body) {
    Matcher script = DATA_SCRIPT.matcher(body);
    if (!script.find()) {
      return withoutData(lookup, status, body);
    }
    JsonNode detail = userDetail(Json.parseObject(script.group(1), "the page data"));
    long code = statusCode(detail);
    if (NOT_FOUND.contains(code)) {
      // Whatever userInfo holds then ({} or a user {}), it describes no account: not read.
      return notFound(lookup, status);
    }
    return profile(lookup, status, code == PRIVATE, Json.object(detail, "userInfo", "userInfo"));
  }

  private static ScrapeResult notFound(Lookup lookup, int status) {
    return ScrapeResult.notFound(lookup.describe(status, "no such account"));
  }

  private static ScrapeResult withoutData(Lookup lookup, int status, String body) {
    if (Bodies.isMarkup(body)) {
      return ScrapeResult.blocked(
          lookup.describe(status, "page without profile data, likely a captcha or login wall"));
    }
    throw new UnexpectedStructureException("the answer is not an HTML page");
  }

  private static JsonNode userDetail(JsonNode root) {
    JsonNode scope = Json.object(root, "__DEFAULT_SCOPE__", "__DEFAULT_SCOPE__");
    return Json.object(scope, "webapp.user-detail", "webapp.user-detail");
  }

  private static long statusCode(JsonNode detail) {
    Count given = Json.count(detail, "statusCode");
    // Older pages leave the code out on success.
    long code = given == null ? OK : given.value();
    boolean known = code == OK || code == PRIVATE || NOT_FOUND.contains(code);
    if (!known) {
      throw new UnexpectedStructureException("unknown user-detail statusCode " + code);
    }
    return code;
  }

  private static ScrapeResult profile(
      Lookup lookup, int status, boolean privateByCode, JsonNode userInfo) {
    JsonNode user = Json.optionalObject(userInfo, "user", "userInfo.user");
    if (privateByCode) {
      JsonNode fields = fieldsOf(user);
      return ProfileOutcome.of(
          lookup, status, profileOf(fields, userInfo, true), Json.text(fields, "uniqueId"));
    }
    if (user == null) {
      throw new UnexpectedStructureException("no userInfo.user object");
    }
    // A deleted account may come back with a success code and an empty user.
    return user.isEmpty()
        ? notFound(lookup, status)
        : ProfileOutcome.of(
            lookup, status, profileOf(user, userInfo, false), Json.text(user, "uniqueId"));
  }

  private static JsonNode fieldsOf(@Nullable JsonNode user) {
    return user != null ? user : MissingNode.getInstance();
  }

  private static Profile profileOf(JsonNode fields, JsonNode userInfo, boolean isPrivate) {
    Boolean privateAccount = isPrivate ? Boolean.TRUE : Json.flag(fields, "privateAccount");
    return new Profile(
        Json.text(fields, "id"),
        Json.text(fields, "nickname"),
        Json.text(fields, "signature"),
        Json.flag(fields, "verified"),
        privateAccount,
        stats(userInfo));
  }

  private static ProfileStats stats(JsonNode userInfo) {
    JsonNode stats = Json.optionalObject(userInfo, "stats", "userInfo.stats");
    JsonNode statsV2 = Json.optionalObject(userInfo, "statsV2", "userInfo.statsV2");
    return Count.stats(
        count(statsV2, stats, "followerCount"),
        count(statsV2, stats, "followingCount"),
        count(statsV2, stats, "videoCount"),
        count(statsV2, stats, "heartCount"));
  }

  /** The count from statsV2, whose strings do not overflow as stats' numbers can, else stats. */
  private static @Nullable Count count(
      @Nullable JsonNode statsV2, @Nullable JsonNode stats, String field) {
    Count count =
        statsV2 == null ? null : Json.nonNegativeCount(statsV2, field, "statsV2." + field);
    if (count != null || stats == null) {
      return count;
    }
    Count fallback = Json.count(stats, field, "stats." + field);
    // A negative number in stats is a count that overflowed, so not the real count.
    return fallback != null && fallback.value() < 0 ? null : fallback;
  }
}
