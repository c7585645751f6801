package io.rescrape.redis;

import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.util.JedisURIHelper;

/** Builds the adapter's pooled clients and words their failures for operators. */
final class RedisClients {

  private RedisClients() {}

  /** What is wrong, in words an operator can act on: an outage is not a wrong password. */
  static String describe(JedisException e) {
    if (e instanceof JedisConnectionException) {
      return "is unreachable";
    }
    String message = String.valueOf(e.getMessage());
    if (e instanceof JedisAccessControlException
        || message.startsWith("NOAUTH")
        || message.startsWith("WRONGPASS")
        || message.contains("DB index")) {
      return "refuses this client (check the URL's user, password and database)";
    }
    return "answers with an error";
  }

  /** A pooled client for the Redis the settings name. Creating it does not connect. */
  static RedisClient create(RedisSettings settings) {
    int timeout = (int) settings.timeout().toMillis();
    DefaultJedisClientConfig config =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(timeout)
            .socketTimeoutMillis(timeout)
            .user(JedisURIHelper.getUser(settings.uri()))
            .password(JedisURIHelper.getPassword(settings.uri()))
            .database(JedisURIHelper.getDBIndex(settings.uri()))
            .ssl(JedisURIHelper.isRedisSSLScheme(settings.uri()))
            .build();
    GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
    pool.setMaxTotal(16);
    // Connections idle in the pool through a Redis restart are dead. Checked on borrow (a PING),
    // they are replaced instead of failing once each, which would end the outage and start it
    // again. One round trip per borrow is small next to the database work of every claim.
    pool.setTestOnBorrow(true);
    return RedisClient.builder()
        .hostAndPort(JedisURIHelper.getHostAndPort(settings.uri()))
        .clientConfig(config)
        .poolConfig(pool)
        .build();
  }
}
