package io.rescrape.example.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.ProfileStats;
import java.io.UncheckedIOException;

/** Writes answers in the formats of the real platforms, as the HTTP scrapers read them. */
final class DemoPages {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int TIKTOK_NOT_FOUND = 10221;
  private static final int TIKTOK_PRIVATE = 10222;

  private DemoPages() {}

  /** The {@code web_profile_info} JSON; {@code data.user} is null for a missing account. */
  static String instagram(Handle handle) {
    DemoVisibility visibility = DemoVisibility.of(handle);
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode data = root.putObject("data");
    if (visibility == DemoVisibility.MISSING) {
      data.putNull("user");
    } else {
      instagramUser(data.putObject("user"), handle, visibility);
    }
    return json(root.put("status", "ok"));
  }

  /** The profile page with its rehydration script. */
  static String tiktok(Handle handle) {
    DemoVisibility visibility = DemoVisibility.of(handle);
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode detail = root.putObject("__DEFAULT_SCOPE__").putObject("webapp.user-detail");
    detail.set("userInfo", tiktokUserInfo(handle, visibility));
    detail.put("statusCode", tiktokStatusCode(visibility));
    return page(handle, json(root));
  }

  private static void instagramUser(ObjectNode user, Handle handle, DemoVisibility visibility) {
    DemoAccount account = DemoAccount.of(Platform.INSTAGRAM, handle);
    user.put("id", account.id())
        .put("username", handle.value())
        .put("full_name", account.displayName())
        .put("biography", account.biography())
        .put("is_private", visibility == DemoVisibility.PRIVATE)
        .put("is_verified", account.verified());
    // Instagram shows a private account's counts, so the demo does too.
    instagramCounts(user, account.stats());
  }

  private static void instagramCounts(ObjectNode user, ProfileStats stats) {
    user.putObject("edge_followed_by").put("count", stats.followers());
    user.putObject("edge_follow").put("count", stats.following());
    user.putObject("edge_owner_to_timeline_media").put("count", stats.posts());
  }

  private static ObjectNode tiktokUserInfo(Handle handle, DemoVisibility visibility) {
    DemoAccount account = DemoAccount.of(Platform.TIKTOK, handle);
    ObjectNode userInfo = MAPPER.createObjectNode();
    if (visibility != DemoVisibility.MISSING) {
      tiktokUser(userInfo.putObject("user"), handle, account, visibility);
    }
    if (visibility == DemoVisibility.PUBLIC) {
      tiktokStats(userInfo, account.stats());
    }
    return userInfo;
  }

  private static void tiktokUser(
      ObjectNode user, Handle handle, DemoAccount account, DemoVisibility visibility) {
    user.put("id", account.id())
        .put("uniqueId", handle.value())
        .put("nickname", account.displayName())
        .put("signature", account.biography())
        .put("verified", account.verified())
        .put("privateAccount", visibility == DemoVisibility.PRIVATE);
  }

  private static void tiktokStats(ObjectNode userInfo, ProfileStats stats) {
    ObjectNode numbers = userInfo.putObject("stats");
    ObjectNode strings = userInfo.putObject("statsV2");
    putCount(numbers, strings, "followerCount", stats.followers());
    putCount(numbers, strings, "followingCount", stats.following());
    putCount(numbers, strings, "heartCount", stats.likes());
    putCount(numbers, strings, "videoCount", stats.posts());
  }

  /** TikTok gives each count twice: a number in stats and a string in statsV2. */
  private static void putCount(ObjectNode numbers, ObjectNode strings, String key, long count) {
    numbers.put(key, count);
    strings.put(key, Long.toString(count));
  }

  private static int tiktokStatusCode(DemoVisibility visibility) {
    return switch (visibility) {
      case PUBLIC -> 0;
      case PRIVATE -> TIKTOK_PRIVATE;
      case MISSING -> TIKTOK_NOT_FOUND;
    };
  }

  private static String page(Handle handle, String data) {
    // "</" inside a script would end it early; JSON allows the slash to be escaped.
    String script = data.replace("</", "<\\/");
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>@"
        + handle.value()
        + " | Demo TikTok</title></head>\n<body>\n"
        + "<script id=\"__UNIVERSAL_DATA_FOR_REHYDRATION__\" type=\"application/json\">"
        + script
        + "</script>\n</body>\n</html>\n";
  }

  private static String json(ObjectNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
