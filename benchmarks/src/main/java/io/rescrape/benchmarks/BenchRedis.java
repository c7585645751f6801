package io.rescrape.benchmarks;

import io.rescrape.redis.RedisSettings;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** A key prefix of its own on the benchmark's Redis; closing it deletes every key under it. */
final class BenchRedis implements AutoCloseable {

  private final String url;
  private final String prefix;

  /** Deletes the keys when the run is cut short (Ctrl-C). */
  private final CleanupOnExit deleteOnExit;

  private BenchRedis(String url, String prefix) {
    this.url = url;
    this.prefix = prefix;
    this.deleteOnExit =
        CleanupOnExit.register("Redis keys {" + prefix + ":*", this::deleteKeysTwice);
  }

  /**
   * Checks that Redis answers, and picks a fresh prefix.
   *
   * @throws BenchmarkException when it does not answer
   */
  static BenchRedis create(ServerOptions servers) {
    byte[] random = new byte[6];
    new SecureRandom().nextBytes(random);
    try (RedisClient client = RedisClient.create(servers.redisUrl)) {
      client.ping();
    } catch (JedisException | IllegalArgumentException e) {
      throw new BenchmarkException(
          "Redis at "
              + ServerOptions.masked(servers.redisUrl)
              + " cannot be used: "
              + e.getMessage()
              + "; start it, or name another with --redis-url",
          e);
    }
    return new BenchRedis(servers.redisUrl, "rescrape-bench-" + HexFormat.of().formatHex(random));
  }

  /** Settings that dispatch through this prefix, otherwise the adapter's defaults. */
  RedisSettings settings() {
    return settings(url, prefix);
  }

  /**
   * Settings for a prefix another process picked, such as the parent of a {@code scale} worker;
   * nothing here deletes its keys.
   */
  static RedisSettings settings(String url, String prefix) {
    return RedisSettings.builder(url).keyPrefix(prefix).build();
  }

  /**
   * {@return the entries of every list under this prefix: the items a job's opening copied to Redis
   * and no claim has popped yet}
   */
  long queuedItems() {
    long queued = 0;
    try (RedisClient redis = RedisClient.create(url)) {
      for (String key : keys(redis)) {
        if (redis.type(key).equals("list")) {
          queued += redis.llen(key);
        }
      }
    }
    return queued;
  }

  String url() {
    return url;
  }

  String prefix() {
    return prefix;
  }

  @Override
  public void close() {
    if (deleteOnExit.cancel()) {
      deleteKeys();
    }
  }

  /**
   * At an interrupt the run's workers are still going: a result written just before may still be
   * counted in Redis after a first pass, so a second pass follows a moment later.
   */
  private void deleteKeysTwice() {
    deleteKeys();
    try {
      Thread.sleep(300);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    deleteKeys();
  }

  private void deleteKeys() {
    try (RedisClient redis = RedisClient.create(url)) {
      keys(redis).forEach(redis::del);
    }
  }

  private List<String> keys(RedisClient redis) {
    List<String> keys = new ArrayList<>();
    ScanParams ours = new ScanParams().match("{" + prefix + ":*").count(1_000);
    String cursor = ScanParams.SCAN_POINTER_START;
    do {
      ScanResult<String> page = redis.scan(cursor, ours);
      keys.addAll(page.getResult());
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    return keys;
  }
}
