package io.rescrape.redis;

import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.RequestBudget;
import io.rescrape.core.port.PlatformGate;
import io.rescrape.core.service.LocalPlatformGate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A {@link PlatformGate} kept in Redis, so that every instance sharing the Redis and key prefix
 * keeps one request budget and one pause per platform between them.
 *
 * <p>Each platform's budget is a sliding log in a sorted set of send times, trimmed, counted and
 * added to by one Lua script, so concurrent instances never grant more than the budget in any
 * window. A pause is one key holding its end, which only a later end replaces.
 *
 * <p>When Redis cannot be reached, the gate falls back to a {@link LocalPlatformGate}: each
 * instance then keeps the budget on its own, so N instances may send up to N times the budget until
 * Redis answers again. The outage is logged once; Redis is tried again every probe interval. Times
 * come from the callers' clocks, which must agree across instances. Thread-safe.
 */
public final class RedisPlatformGate implements PlatformGate, AutoCloseable {

  private static final String RESERVE =
      """
      local sent, seq = KEYS[1], KEYS[2]
      local now, window = tonumber(ARGV[1]), tonumber(ARGV[2])
      local limit, wanted = tonumber(ARGV[3]), tonumber(ARGV[4])
      redis.call('ZREMRANGEBYSCORE', sent, '-inf', now - window)
      local used = redis.call('ZCARD', sent)
      local granted = math.max(0, math.min(wanted, limit - used))
      for i = 1, granted do
        redis.call('ZADD', sent, now, redis.call('INCR', seq))
      end
      redis.call('PEXPIRE', sent, window)
      redis.call('PEXPIRE', seq, window)
      local nextAt = -1
      if used + granted >= limit then
        nextAt = tonumber(redis.call('ZRANGE', sent, 0, 0, 'WITHSCORES')[2]) + window
      end
      return {granted, nextAt}
      """;

  private static final String PAUSE =
      """
      local current = tonumber(redis.call('GET', KEYS[1]) or '0')
      if tonumber(ARGV[1]) > current then
        redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
      end
      return 0
      """;

  private final RedisLink link;
  private final boolean ownsLink;
  private final Clock clock;
  private final RedisClient redis;
  private final LocalPlatformGate fallback = new LocalPlatformGate();

  /**
   * A gate in the Redis the settings name, with a connection of its own. Creating it does not
   * connect; the first use does.
   *
   * @param settings where Redis is, the key prefix and the probe interval
   * @param clock judges when to try an unreachable Redis again, and how long a pause key lives
   */
  public RedisPlatformGate(RedisSettings settings, Clock clock) {
    this(new RedisLink(settings, clock), clock, true);
  }

  /**
   * A gate on a link it shares, such as with a {@link RedisWorkQueue}, so that both see one outage
   * and it is logged once. Closing the gate leaves the link open.
   *
   * @param link the connection to Redis
   * @param clock how long a pause key lives is measured against it
   */
  public RedisPlatformGate(RedisLink link, Clock clock) {
    this(link, clock, false);
  }

  private RedisPlatformGate(RedisLink link, Clock clock, boolean ownsLink) {
    this.link = link;
    this.ownsLink = ownsLink;
    this.clock = clock;
    this.redis = link.client();
  }

  @Override
  public Permits reserve(Platform platform, RequestBudget budget, int wanted, Instant now) {
    if (isUsable()) {
      try {
        List<String> keys = List.of(key(platform, "sent"), key(platform, "seq"));
        List<String> args =
            List.of(
                Long.toString(now.toEpochMilli()),
                Long.toString(budget.window().toMillis()),
                Integer.toString(budget.requests()),
                Integer.toString(wanted));
        List<?> answer = (List<?>) redis.eval(RESERVE, keys, args);
        long nextAt = (Long) answer.get(1);
        return new Permits(
            ((Long) answer.get(0)).intValue(), nextAt < 0 ? null : Instant.ofEpochMilli(nextAt));
      } catch (JedisException e) {
        markDown(e);
      }
    }
    return fallback.reserve(platform, budget, wanted, now);
  }

  @Override
  public void refund(Platform platform, int unused) {
    if (isUsable()) {
      try {
        redis.zpopmax(key(platform, "sent"), unused);
        return;
      } catch (JedisException e) {
        markDown(e);
      }
    }
    fallback.refund(platform, unused);
  }

  @Override
  public void pause(Platform platform, Instant until) {
    fallback.pause(platform, until); // kept here too, so an outage does not lift the pause
    if (isUsable()) {
      try {
        long ttl = Math.max(1, until.toEpochMilli() - clock.millis());
        redis.eval(
            PAUSE,
            List.of(key(platform, "paused")),
            List.of(Long.toString(until.toEpochMilli()), Long.toString(ttl)));
      } catch (JedisException e) {
        markDown(e);
      }
    }
  }

  @Override
  public Optional<Instant> pausedUntil(Platform platform, Instant now) {
    Optional<Instant> local = fallback.pausedUntil(platform, now);
    if (!isUsable()) {
      return local;
    }
    try {
      String stored = redis.get(key(platform, "paused"));
      Instant shared = stored == null ? null : Instant.ofEpochMilli(Long.parseLong(stored));
      Optional<Instant> remote = Optional.ofNullable(shared).filter(end -> end.isAfter(now));
      return remote.isPresent() && local.map(l -> l.isBefore(remote.get())).orElse(true)
          ? remote
          : local;
    } catch (JedisException e) {
      markDown(e);
      return local;
    }
  }

  @Override
  public void close() {
    if (ownsLink) {
      link.close();
    }
  }

  /** Every key of one platform carries one hash tag, so a Redis Cluster keeps them together. */
  private String key(Platform platform, String name) {
    return "{" + link.settings().keyPrefix() + ":gate:" + platform.id() + "}:" + name;
  }

  private boolean isUsable() {
    return link.isUsable();
  }

  private void markDown(JedisException e) {
    link.markDown(e);
  }
}
