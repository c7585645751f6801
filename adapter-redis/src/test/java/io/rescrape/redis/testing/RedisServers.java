package io.rescrape.redis.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.embedded.RedisServer;

/**
 * Redis for tests: the server {@value #REDIS_URL_VARIABLE} names (CI points it at the machine's
 * Redis), else an embedded one started once per test JVM; and, for outage tests, embedded servers
 * of their own that a test may stop and start.
 */
public final class RedisServers {

  /** Points the tests at a running Redis instead of an embedded one. */
  public static final String REDIS_URL_VARIABLE = "RESCRAPE_TEST_REDIS_URL";

  private static String sharedUrl;

  private RedisServers() {}

  /** {@return the URL of the Redis that tests share} */
  public static synchronized String sharedUrl() {
    if (sharedUrl == null) {
      String configured = System.getenv(REDIS_URL_VARIABLE);
      if (configured != null && !configured.isBlank()) {
        sharedUrl = configured;
      } else {
        OwnedRedis embedded = owned();
        Runtime.getRuntime().addShutdownHook(new Thread(embedded::stop));
        sharedUrl = embedded.url();
      }
    }
    return sharedUrl;
  }

  /** A fresh embedded Redis on a free loopback port, started, with extra redis.conf lines. */
  public static OwnedRedis owned(String... settings) {
    OwnedRedis redis = new OwnedRedis(freePort(), List.of(settings));
    redis.start();
    return redis;
  }

  /** {@return a loopback URL where no Redis listens, for outage tests} */
  public static String unreachableUrl() {
    return "redis://127.0.0.1:" + freePort();
  }

  /**
   * Deletes the keys under {@code prefix} from the shared Redis, which may be the machine's own: a
   * test leaves nothing behind.
   */
  public static void deleteKeys(String prefix) {
    try (RedisClient redis = RedisClient.create(sharedUrl())) {
      ScanParams ours = new ScanParams().match("{" + prefix + ":*").count(1_000);
      String cursor = ScanParams.SCAN_POINTER_START;
      do {
        ScanResult<String> page = redis.scan(cursor, ours);
        page.getResult().forEach(redis::del);
        cursor = page.getCursor();
      } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An embedded Redis a test controls; it keeps nothing on disk. */
  public static final class OwnedRedis {
    private final int port;
    private final List<String> settings;
    private RedisServer server;

    private OwnedRedis(int port, List<String> settings) {
      this.port = port;
      this.settings = settings;
    }

    /** {@return its URL} */
    public String url() {
      return "redis://127.0.0.1:" + port;
    }

    /** Starts it, on the same port as before when restarted. */
    public void start() {
      try {
        var builder =
            RedisServer.newRedisServer()
                .port(port)
                .bind("127.0.0.1")
                .setting("save \"\"")
                .setting("appendonly no");
        settings.forEach(builder::setting);
        server = builder.build();
        server.start();
      } catch (IOException e) {
        throw new UncheckedIOException("could not start an embedded Redis on port " + port, e);
      }
    }

    /** Stops it; what it held is gone. */
    public void stop() {
      try {
        if (server != null) {
          server.stop();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
