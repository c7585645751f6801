package io.rescrape.redis;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Whether the work queue's Redis answers, for a health report.
 *
 * @param uri where Redis is, without its password
 * @param up whether it answered last time it was asked
 * @param downSince when it stopped answering; null while up
 * @param reason the error it gave; null while up
 */
public record RedisHealth(
    String uri, boolean up, @Nullable Instant downSince, @Nullable String reason) {

  static RedisHealth up(String uri) {
    return new RedisHealth(uri, true, null, null);
  }

  static RedisHealth down(String uri, Instant since, String reason) {
    return new RedisHealth(uri, false, since, reason);
  }
}
