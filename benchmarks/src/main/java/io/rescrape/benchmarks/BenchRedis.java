package io.rescrape.benchmarks;

import io.rescrape.redis.RedisSettings;
import java.security.SecureRandom;
import java.util.HexFormat;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** A key prefix of its own on the benchmark's Redis; closing it deletes every key under it. */
final class BenchRedis implements AutoCloseable {

  private final String url;
  private final String prefix;

  private BenchRedis(String url, String prefix) {
    this.url = url;
    this.prefix = prefix;
  }

  /**
   * Checks that Redis answers, and picks a fresh prefix.
   *
   * @throws BenchmarkException when it does not answer
   */
  static BenchRedis create(ServerOptions servers) {
    byte[] random = new byte[6];
    new SecureRandom().nextBytes(random);
    BenchRedis redis =
        new BenchRedis(servers.redisUrl, "rescrape-bench-" + HexFormat.of().formatHex(random));
    try (RedisClient client = RedisClient.create(servers.redisUrl)) {
      client.ping();
    } catch (JedisException | IllegalArgumentException e) {
      throw new BenchmarkException(
          "Redis at "
              + servers.redisUrl
              + " does not answer ("
              + e.getMessage()
              + "); start it or"
              + " name another with --redis-url",
          e);
    }
    return redis;
  }

  /** Settings that dispatch through this prefix, otherwise the adapter's defaults. */
  RedisSettings settings() {
    return RedisSettings.builder(url).keyPrefix(prefix).build();
  }

  String url() {
    return url;
  }

  String prefix() {
    return prefix;
  }

  @Override
  public void close() {
    try (RedisClient redis = RedisClient.create(url)) {
      ScanParams ours = new ScanParams().match("{" + prefix + ":*").count(1_000);
      String cursor = ScanParams.SCAN_POINTER_START;
      do {
        ScanResult<String> page = redis.scan(cursor, ours);
        page.getResult().forEach(redis::del);
        cursor = page.getCursor();
      } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    }
  }
}
