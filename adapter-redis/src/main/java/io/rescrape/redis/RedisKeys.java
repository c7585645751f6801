package io.rescrape.redis;

import io.rescrape.core.domain.JobId;
import io.rescrape.core.domain.Platform;

/**
 * Key names. Every key of one job carries the same hash tag, {@code {prefix:job:N}}, so a Redis
 * Cluster keeps them in one slot and multi-key work on one job stays possible.
 */
final class RedisKeys {

  private final String prefix;

  RedisKeys(String prefix) {
    this.prefix = prefix;
  }

  /** The list of a job's items of one platform waiting to be handed out. */
  String pending(JobId job, Platform platform) {
    return tag(job) + ":pending:" + platform.id();
  }

  /** Set once, by the first instance that copies a job's pending items into Redis. */
  String opened(JobId job) {
    return tag(job) + ":opened";
  }

  /** A job's live counters: done, failed, skipped, retried. */
  String counters(JobId job) {
    return tag(job) + ":counters";
  }

  private String tag(JobId job) {
    return "{" + prefix + ":job:" + job.value() + "}";
  }
}
