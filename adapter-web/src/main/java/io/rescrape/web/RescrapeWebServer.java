package io.rescrape.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.router.JavalinDefaultRouting;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.rescrape.core.Rescrape;
import io.rescrape.core.domain.InvalidInputException;
import io.rescrape.core.domain.JobStateException;
import io.rescrape.core.domain.NotFoundException;
import io.rescrape.core.domain.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rescrape over HTTP: the JSON API under {@code /rescraping}, the dashboard at {@code /}, {@code
 * GET /health} and {@code GET /metrics}.
 *
 * <p>Reads are open to whoever reaches the port, which is on 127.0.0.1 unless told otherwise. Every
 * change ({@code POST}, {@code DELETE}) needs {@code Authorization: Bearer <token>}; without a
 * configured token changes are refused with 403 and only reads are served. Each change is logged as
 * one line naming what changed and the token's fingerprint. A client's mistake is a 4xx with a JSON
 * body naming the field, never a 500.
 *
 * <pre>{@code
 * try (RescrapeWebServer web = RescrapeWebServer.builder(rescrape)
 *     .port(8080)
 *     .token(ApiToken.of(System.getenv("RESCRAPE_API_TOKEN")))
 *     .metrics(prometheusRegistry)
 *     .start()) {
 *   ...
 * }
 * }</pre>
 */
public final class RescrapeWebServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RescrapeWebServer.class);

  private static final String DASHBOARD = "/io/rescrape/web/dashboard";
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  private static final String METHOD_OVERRIDE = "X-HTTP-Method-Override";
  private static final Set<HandlerType> READS =
      Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

  private final Javalin app;
  private final String host;
  private final boolean changesEnabled;

  private RescrapeWebServer(Javalin app, String host, boolean changesEnabled) {
    this.app = app;
    this.host = host;
    this.changesEnabled = changesEnabled;
  }

  /**
   * {@return a builder serving {@code rescrape} on 127.0.0.1:8080 with changes disabled}
   *
   * @param rescrape the service to expose
   */
  public static Builder builder(Rescrape rescrape) {
    return new Builder(rescrape);
  }

  /** {@return the port it listens on} */
  public int port() {
    return app.port();
  }

  /** {@return where it is reached, such as {@code http://127.0.0.1:8080/}} */
  public URI uri() {
    String shown = host.contains(":") ? "[" + host + "]" : host;
    return URI.create("http://" + shown + ":" + port() + "/");
  }

  /** {@return whether changes are accepted, that is whether a token is configured} */
  public boolean changesEnabled() {
    return changesEnabled;
  }

  /** Stops serving; requests in flight are cut off. */
  @Override
  public void close() {
    app.stop();
  }

  /** Settings for a {@link RescrapeWebServer}, each with a documented default. */
  public static final class Builder {

    private final Rescrape rescrape;
    private String host = "127.0.0.1";
    private int port = 8080;
    private @Nullable ApiToken token;
    private @Nullable PrometheusMeterRegistry metrics;
    private long maxBodyBytes = 1024 * 1024;
    private final Map<String, HealthCheck> components = new LinkedHashMap<>();

    private Builder(Rescrape rescrape) {
      this.rescrape = Objects.requireNonNull(rescrape, "rescrape");
    }

    /**
     * The address to bind; default {@code 127.0.0.1}. Anything else exposes the reads to the
     * network: put a TLS proxy in front.
     *
     * @param host an address or host name of this machine
     * @return this builder
     */
    public Builder host(String host) {
      if (host.isBlank()) {
        throw new InvalidInputException("the host to bind is blank");
      }
      this.host = host;
      return this;
    }

    /**
     * The port; default 8080.
     *
     * @param port 0 for any free port, else 1 to 65535
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new InvalidInputException("port must be between 0 and 65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * The token that changes must present; default none, which disables changes.
     *
     * @param token the token, or null to disable changes
     * @return this builder
     */
    public Builder token(@Nullable ApiToken token) {
      this.token = token;
      return this;
    }

    /**
     * The registry {@code GET /metrics} renders; default none, which answers 404 there.
     *
     * @param registry a Prometheus registry
     * @return this builder
     */
    public Builder metrics(PrometheusMeterRegistry registry) {
      this.metrics = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /**
     * A component {@code /health} reports under {@code name}, such as Redis.
     *
     * @param name its key in the health JSON
     * @param check its state
     * @return this builder
     */
    public Builder healthCheck(String name, HealthCheck check) {
      components.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(check, "check"));
      return this;
    }

    /**
     * The largest request body accepted; default 1 MiB. Larger ones get 413.
     *
     * @param bytes at least 1 KiB
     * @return this builder
     */
    public Builder maxBodyBytes(long bytes) {
      if (bytes < 1024) {
        throw new InvalidInputException("the largest request body must be at least 1024 bytes");
      }
      this.maxBodyBytes = bytes;
      return this;
    }

    /**
     * Starts serving.
     *
     * @return the running server
     * @throws UncheckedIOException when the address cannot be bound
     */
    public RescrapeWebServer start() {
      ObjectMapper json = objectMapper();
      ChangeLog changes = new ChangeLog();
      Requests requests = new Requests(json, maxBodyBytes);
      JobRoutes jobs = new JobRoutes(rescrape, requests, changes);
      ScheduleRoutes schedule = new ScheduleRoutes(rescrape, requests, changes);
      CreatorRoutes creators = new CreatorRoutes(rescrape, requests, changes);
      HealthRoute health = new HealthRoute(rescrape, components);
      byte[] index = resource(DASHBOARD + "/index.html");
      @Nullable ApiToken token = this.token;
      @Nullable PrometheusMeterRegistry metrics = this.metrics;

      Javalin app =
          Javalin.create(
              config -> {
                config.showJavalinBanner = false;
                config.jsonMapper(new JavalinJackson(json, false));
                config.http.maxRequestSize = maxBodyBytes;
                config.http.prefer405over404 = true;
                config.staticFiles.add(
                    files -> {
                      files.hostedPath = "/dashboard";
                      files.directory = DASHBOARD;
                      files.location = Location.CLASSPATH;
                    });
                config.router.mount(
                    router -> {
                      router.before(ctx -> secure(ctx));
                      router.before(ctx -> authorize(ctx, token, changes));
                      router.get(
                          "/", ctx -> ctx.contentType("text/html; charset=utf-8").result(index));
                      health.register(router);
                      Reads.get(router, "/metrics", ctx -> scrape(ctx, metrics));
                      jobs.register(router);
                      schedule.register(router);
                      creators.register(router);
                      errors(router);
                    });
              });
      try {
        app.start(host, port);
      } catch (RuntimeException e) {
        throw new UncheckedIOException(
            new IOException("cannot serve on " + host + ":" + port + ": " + e.getMessage(), e));
      }
      announce(app, token);
      return new RescrapeWebServer(app, host, token != null);
    }

    private void announce(Javalin app, @Nullable ApiToken token) {
      if (token == null) {
        log.warn(
            "API on {}:{} serves reads only: changes are disabled because no API token is"
                + " configured",
            host,
            app.port());
      } else if (token.isShort()) {
        log.warn(
            "API on {}:{} accepts changes with token {}, which is shorter than {} characters and"
                + " can be guessed",
            host,
            app.port(),
            token.fingerprint(),
            ApiToken.RECOMMENDED_LENGTH);
      } else {
        log.info(
            "API on {}:{} accepts changes with token {}", host, app.port(), token.fingerprint());
      }
    }
  }

  private static void secure(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cache-Control", "no-store");
    ctx.header(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
            + " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  }

  private static void authorize(Context ctx, @Nullable ApiToken token, ChangeLog changes) {
    if (!READS.contains(ctx.method())) {
      requireToken(ctx, token, changes);
    }
    if (ctx.header(METHOD_OVERRIDE) != null) {
      // Javalin would run the overriding method: a GET that deletes, past a proxy's method rules.
      throw new ApiException(
          400, METHOD_OVERRIDE + " is not supported; send the method itself", null);
    }
  }

  private static void requireToken(Context ctx, @Nullable ApiToken token, ChangeLog changes) {
    if (token == null) {
      changes.refused(ctx, "changes are disabled");
      throw new ApiException(
          403,
          "changes are disabled: this server has no API token (set RESCRAPE_API_TOKEN or"
              + " --api-token-file and restart it)",
          null);
    }
    List<String> authorizations = Collections.list(ctx.req().getHeaders("Authorization"));
    String presented = authorizations.size() == 1 ? bearer(authorizations.get(0)) : null;
    if (!token.matches(presented)) {
      changes.refused(ctx, presented == null ? "no single bearer token" : "wrong bearer token");
      ctx.header("WWW-Authenticate", "Bearer realm=\"rescrape\"");
      throw new ApiException(
          401,
          presented == null
              ? "this request changes something: send one Authorization: Bearer <token> header"
              : "the bearer token is not the one this server accepts",
          null);
    }
    ctx.attribute(ChangeLog.FINGERPRINT, token.fingerprint());
  }

  private static @Nullable String bearer(@Nullable String authorization) {
    if (authorization == null) {
      return null;
    }
    String value = authorization.strip();
    if (value.length() < 7 || !value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
      return null;
    }
    return value.substring(7).strip();
  }

  private static void scrape(Context ctx, @Nullable PrometheusMeterRegistry registry) {
    if (registry == null) {
      throw ApiException.notFound("metrics are not configured on this server");
    }
    ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape());
  }

  private static void errors(JavalinDefaultRouting router) {
    router.exception(
        ApiException.class, (e, ctx) -> fail(ctx, e.status(), e.getMessage(), e.field()));
    router.exception(InvalidInputException.class, (e, ctx) -> fail(ctx, 400, e.getMessage(), null));
    router.exception(NotFoundException.class, (e, ctx) -> fail(ctx, 404, e.getMessage(), null));
    router.exception(JobStateException.class, (e, ctx) -> fail(ctx, 409, e.getMessage(), null));
    router.exception(
        StoreException.class,
        (e, ctx) -> {
          log.warn(
              "API request {} {} failed: the store is unavailable ({})",
              ctx.method(),
              ctx.path(),
              e.getMessage());
          fail(ctx, 503, "the database is unavailable; try again shortly", null);
        });
    router.exception(
        HttpResponseException.class, (e, ctx) -> fail(ctx, e.getStatus(), e.getMessage(), null));
    router.exception(
        Exception.class,
        (e, ctx) -> {
          log.error("API request {} {} failed unexpectedly", ctx.method(), ctx.path(), e);
          fail(ctx, 500, "internal error; the server log has the details", null);
        });
    router.error(404, ctx -> unlessAnswered(ctx, "no such resource: " + ctx.path()));
    router.error(
        405, ctx -> unlessAnswered(ctx, ctx.method() + " is not allowed on " + ctx.path()));
  }

  private static void unlessAnswered(Context ctx, String message) {
    if (ctx.resultInputStream() == null) {
      fail(ctx, ctx.status().getCode(), message, null);
    }
  }

  private static void fail(Context ctx, int status, String message, @Nullable String field) {
    ctx.status(status).json(ErrorBody.of(status, message, field));
  }

  private static ObjectMapper objectMapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .withCoercionConfig(
            LogicalType.Textual,
            strings ->
                strings
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .build();
  }

  private static byte[] resource(String path) {
    try (InputStream in = RescrapeWebServer.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("the dashboard is missing from the classpath: " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}
