package io.rescrape.example;

import io.rescrape.redis.RedisHealth;
import io.rescrape.web.ApiToken;
import io.rescrape.web.HealthCheck;
import io.rescrape.web.RescrapeWebServer;
import org.jspecify.annotations.Nullable;

/**
 * What {@code serve --port} puts on the network: the API, the dashboard, {@code /health} with Redis
 * when one is used, and {@code /metrics}.
 */
public final class WebService {

  private WebService() {}

  /**
   * Starts serving an environment.
   *
   * @param environment what to serve
   * @param host the address to bind, 127.0.0.1 unless the user said otherwise
   * @param port the port; 0 for any free one
   * @param token the token changes must present; null to serve reads only
   * @return the running server
   */
  public static RescrapeWebServer start(
      AppEnvironment environment, String host, int port, @Nullable ApiToken token) {
    return RescrapeWebServer.builder(environment.rescrape())
        .host(host)
        .port(port)
        .token(token)
        .healthCheck("redis", () -> redis(environment.redisHealth()))
        .metrics(environment.meterRegistry())
        .start();
  }

  private static HealthCheck.@Nullable Component redis(@Nullable RedisHealth health) {
    return health == null ? null : new HealthCheck.Component(health.up(), health);
  }
}
