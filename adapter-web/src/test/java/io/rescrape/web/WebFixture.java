package io.rescrape.web;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.rescrape.core.Rescrape;
import io.rescrape.core.fixtures.RescrapeFixture;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A web server over Rescrape on in-memory stores, its clock at Wednesday 2025-08-27 08:00 UTC (an
 * hour before the trigger), with 20 creators due that day.
 */
final class WebFixture implements AutoCloseable {

  static final String TOKEN = "test-token-0123456789abcdef";
  static final Instant EIGHT = Instant.parse("2025-08-27T08:00:00Z");

  final RescrapeFixture rescrapeFixture = new RescrapeFixture();
  final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  final Rescrape rescrape;
  final RescrapeWebServer server;
  final Api anonymous;
  final Api authorized;

  WebFixture(@Nullable String token, UnaryOperator<RescrapeWebServer.Builder> settings) {
    rescrapeFixture.clock.set(EIGHT);
    rescrapeFixture.addNew("creator", 20);
    rescrape = rescrapeFixture.instance("web-test");
    server =
        settings
            .apply(
                RescrapeWebServer.builder(rescrape)
                    .port(0)
                    .token(token == null ? null : ApiToken.of(token))
                    .metrics(registry))
            .start();
    anonymous = new Api(server.uri());
    authorized = anonymous.withToken(TOKEN);
  }

  WebFixture() {
    this(TOKEN, UnaryOperator.identity());
  }

  @Override
  public void close() {
    server.close();
    rescrapeFixture.closeAll();
  }
}
