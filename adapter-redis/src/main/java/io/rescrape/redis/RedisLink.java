package io.rescrape.redis;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * One instance's connection to Redis, shared by the {@link RedisWorkQueue} and the {@link
 * RedisPlatformGate}: one pool, and one view of whether Redis answers. An outage is logged once,
 * whichever of them met it first; while it lasts, Redis is tried again once per probe interval, and
 * when it answers the components that asked are told, so they can copy back what Redis lost.
 * Thread-safe.
 */
public final class RedisLink implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RedisLink.class);

  private final RedisSettings settings;
  private final Clock clock;
  private final RedisClient redis;
  private final List<Runnable> onReconnect = new CopyOnWriteArrayList<>();

  private volatile @Nullable Instant downSince;
  private volatile @Nullable String downReason;
  private volatile Instant nextProbe = Instant.MIN;

  /**
   * A link to the Redis the settings name. Creating it does not connect; the first use does.
   *
   * @param settings where Redis is and how to use it
   * @param clock judges when to try an unreachable Redis again
   */
  public RedisLink(RedisSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.redis = RedisClients.create(settings);
  }

  /** {@return the settings it was made with} */
  public RedisSettings settings() {
    return settings;
  }

  /**
   * Whether Redis answers, for a health report. Redis is pinged: a Redis found back ends the outage
   * at once, and a lost one starts it.
   *
   * @return the state, with since when and why it is unreachable
   */
  public RedisHealth health() {
    try {
      redis.ping();
      markUp();
    } catch (JedisException e) {
      markDown(e);
    }
    Instant since = downSince;
    return since == null
        ? RedisHealth.up(settings.redactedUri())
        : RedisHealth.down(settings.redactedUri(), since, String.valueOf(downReason));
  }

  @Override
  public void close() {
    redis.close();
  }

  RedisClient client() {
    return redis;
  }

  /** Runs {@code task} whenever Redis answers again after an outage. */
  void onReconnect(Runnable task) {
    onReconnect.add(task);
  }

  /** Whether to use Redis now; an unreachable one is probed again once per probe interval. */
  boolean isUsable() {
    if (downSince == null) {
      return true;
    }
    Instant now = clock.instant();
    if (now.isBefore(nextProbe)) {
      return false;
    }
    nextProbe = now.plus(settings.probeInterval());
    try {
      redis.ping();
    } catch (JedisException e) {
      return false;
    }
    markUp();
    return true;
  }

  /** Redis failed a call: starts an outage, logged once, unless one is already on. */
  synchronized void markDown(JedisException e) {
    if (downSince != null) {
      return;
    }
    downSince = clock.instant();
    downReason = e.getMessage();
    nextProbe = downSince.plus(settings.probeInterval());
    log.warn(
        "Redis at {} {}: {}; dispatching through the database, and keeping request budgets per"
            + " instance, until it answers again, tried every {} ms",
        settings.redactedUri(),
        RedisClients.describe(e),
        String.valueOf(e.getMessage()).replaceFirst("\\.$", ""),
        settings.probeInterval().toMillis());
  }

  private void markUp() {
    Instant since;
    synchronized (this) {
      since = downSince;
      if (since == null) {
        return;
      }
      downSince = null;
      downReason = null;
    }
    log.info(
        "Redis at {} answers again after an outage since {}; dispatch and request budgets go"
            + " through it again",
        settings.redactedUri(),
        since);
    onReconnect.forEach(Runnable::run);
  }
}
