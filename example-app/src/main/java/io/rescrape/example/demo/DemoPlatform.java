package io.rescrape.example.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.InvalidInputException;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.ProfileStats;
import io.rescrape.core.domain.RescrapeException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for Instagram and TikTok on 127.0.0.1, so that the real HTTP scrapers can run without
 * reaching either platform. It answers in both platforms' formats:
 *
 * <ul>
 *   <li>{@code GET {baseUri(INSTAGRAM)}/api/v1/users/web_profile_info/?username={handle}} with
 *       Instagram's JSON;
 *   <li>{@code GET {baseUri(TIKTOK)}/@{handle}} with a TikTok profile page.
 * </ul>
 *
 * <p>Every account is invented from its handle: the same handle shows the same numbers on every run
 * ({@link #statsOf}). About 1% of handles do not exist ({@link #isMissing}) and about 1% are
 * private ({@link #isPrivate}), on both platforms alike. Every answer first waits the configured
 * latency; up to {@value #MAX_CONCURRENT_REQUESTS} requests wait side by side rather than one after
 * another.
 *
 * <p>Start one with {@link #start(Duration)}; close it to stop the server and its threads.
 */
public final class DemoPlatform implements AutoCloseable {

  /** Roughly the latency a real platform shows for a profile: 2.5 s. */
  public static final Duration REALISTIC_LATENCY = Duration.ofMillis(2_500);

  /** How many requests are answered at once; later ones wait for a free thread. */
  public static final int MAX_CONCURRENT_REQUESTS = 256;

  private static final Logger log = LoggerFactory.getLogger(DemoPlatform.class);
  private static final String LOOPBACK = "127.0.0.1";
  private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";
  private static final String INSTAGRAM_PROFILE_PATH = "/api/v1/users/web_profile_info/";
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final HttpServer server;
  private final ThreadPoolExecutor executor;
  private final Duration latency;
  private final int port;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final BiConsumer<Platform, Handle> onProfileRequest;
  private final Map<Platform, DemoThrottle.Running> throttles = new ConcurrentHashMap<>();

  private DemoPlatform(
      HttpServer server,
      ThreadPoolExecutor executor,
      Duration latency,
      BiConsumer<Platform, Handle> onProfileRequest) {
    this.server = server;
    this.executor = executor;
    this.latency = latency;
    this.onProfileRequest = onProfileRequest;
    this.port = server.getAddress().getPort();
  }

  /**
   * Starts the platform on a free port of 127.0.0.1.
   *
   * @param latency how long every answer waits; zero for none, {@link #REALISTIC_LATENCY} to feel
   *     like the real platforms
   * @throws InvalidInputException when the latency is negative
   * @throws RescrapeException when the server cannot start
   */
  public static DemoPlatform start(Duration latency) {
    return start(0, latency);
  }

  /**
   * Starts the platform on {@code port} of 127.0.0.1.
   *
   * @param port the port to listen on, or 0 for a free one
   * @param latency how long every answer waits; zero for none
   * @throws InvalidInputException when the port or the latency is out of range
   * @throws RescrapeException when the server cannot start, for example because the port is taken
   */
  public static DemoPlatform start(int port, Duration latency) {
    return start(port, latency, (platform, handle) -> {});
  }

  /**
   * Starts the platform on {@code port} of 127.0.0.1, telling {@code onProfileRequest} of every
   * profile request as it arrives, before the latency: fault tests count scrapes with it.
   *
   * @param port the port to listen on, or 0 for a free one
   * @param latency how long every answer waits; zero for none
   * @param onProfileRequest called with the platform and handle of every profile request, from many
   *     threads at once
   * @throws InvalidInputException when the port or the latency is out of range
   * @throws RescrapeException when the server cannot start, for example because the port is taken
   */
  public static DemoPlatform start(
      int port, Duration latency, BiConsumer<Platform, Handle> onProfileRequest) {
    requireValid(port, latency);
    ThreadPoolExecutor executor = executor();
    try {
      return new DemoPlatform(bind(port), executor, latency, onProfileRequest).serve();
    } catch (IOException e) {
      executor.shutdownNow();
      throw new RescrapeException("could not start the demo platform on 127.0.0.1:" + port, e);
    }
  }

  /** Whether no account {@code handle} exists, on either platform: about 1% of handles. */
  public static boolean isMissing(Handle handle) {
    return DemoVisibility.of(handle) == DemoVisibility.MISSING;
  }

  /**
   * Whether the account {@code handle} exists but is private, on either platform: about 1% of
   * handles, never a missing one.
   */
  public static boolean isPrivate(Handle handle) {
    return DemoVisibility.of(handle) == DemoVisibility.PRIVATE;
  }

  /**
   * The counts the platform shows for {@code handle}, as a scraper reads them: Instagram has no
   * likes (null), TikTok has all four. A private Instagram account shows these counts, a private
   * TikTok account none; a missing account has none either.
   */
  public static ProfileStats statsOf(Platform platform, Handle handle) {
    return DemoAccount.of(platform, handle).statsOn(platform);
  }

  /**
   * Where a scraper for {@code platform} should point, such as {@code
   * http://127.0.0.1:PORT/tiktok}.
   */
  public URI baseUri(Platform platform) {
    return URI.create("http://" + LOOPBACK + ":" + port + "/" + platform.id());
  }

  /** The port the platform listens on. */
  public int port() {
    return port;
  }

  /** How long every answer waits. */
  public Duration latency() {
    return latency;
  }

  /** How many requests have arrived so far. */
  public long requestCount() {
    return requests.get();
  }

  /**
   * Makes the platform throttle like a real one: from its {@code fromRequest}-th profile request
   * on, it answers HTTP 429 at once, for {@code lasting} from the first such answer; then it
   * answers normally again. Replaces an earlier throttle of the platform.
   *
   * @param throttle which platform, from which request, for how long, and the {@code Retry-After}
   *     it names, if any
   */
  public void throttle(DemoThrottle throttle) {
    throttles.put(throttle.platform(), throttle.fresh());
  }

  /** Stops the server at once; requests still waiting get no answer. Idempotent. */
  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    server.stop(0);
    executor.shutdownNow();
    log.info("Demo platform on port {} stopped after {} requests", port, requests.get());
  }

  private DemoPlatform serve() {
    for (Platform platform : Platform.values()) {
      server.createContext("/" + platform.id() + "/", exchange -> answer(platform, exchange));
    }
    server.setExecutor(executor);
    server.start();
    log.info(
        "Demo platform listening on http://{}:{}/instagram and /tiktok, {} ms latency per request",
        LOOPBACK,
        port,
        latency.toMillis());
    return this;
  }

  private void answer(Platform platform, HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try {
      Optional<Handle> handle = handleOf(platform, exchange.getRequestURI());
      handle.ifPresent(h -> onProfileRequest.accept(platform, h));
      DemoThrottle.Running throttle = throttles.get(platform);
      if (handle.isPresent() && throttle != null && throttle.throttlesNext()) {
        throttle
            .retryAfter()
            .ifPresent(wait -> exchange.getResponseHeaders().set("Retry-After", seconds(wait)));
        send(exchange, 429, "application/json", "{\"message\":\"Please wait a few minutes\"}");
        return;
      }
      if (waitLatency()) {
        respond(platform, handle, exchange);
      }
    } finally {
      exchange.close();
    }
  }

  /** Sleeps the latency; false when interrupted because the platform is closing. */
  private boolean waitLatency() {
    try {
      Thread.sleep(latency.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void respond(Platform platform, Optional<Handle> handle, HttpExchange exchange)
      throws IOException {
    if (handle.isEmpty()) {
      send(exchange, 404, "text/plain", "no such page on the demo platform");
    } else if (platform == Platform.INSTAGRAM) {
      send(exchange, 200, "application/json", DemoPages.instagram(handle.get()));
    } else {
      send(exchange, 200, "text/html", DemoPages.tiktok(handle.get()));
    }
  }

  private static Optional<Handle> handleOf(Platform platform, URI request) {
    String prefix = "/" + platform.id();
    String path = request.getPath();
    if (platform == Platform.INSTAGRAM && path.equals(prefix + INSTAGRAM_PROFILE_PATH)) {
      return queryParameter(request.getRawQuery(), "username").flatMap(raw -> parse(platform, raw));
    }
    if (platform == Platform.TIKTOK && path.startsWith(prefix + "/@")) {
      return parse(platform, path.substring(prefix.length() + 2));
    }
    return Optional.empty();
  }

  private static Optional<String> queryParameter(@Nullable String rawQuery, String name) {
    String key = name + "=";
    return Optional.ofNullable(rawQuery).stream()
        .flatMap(query -> Arrays.stream(query.split("&")))
        .filter(pair -> pair.startsWith(key))
        .findFirst()
        .map(pair -> URLDecoder.decode(pair.substring(key.length()), StandardCharsets.UTF_8));
  }

  /** The handle a request names; an invalid one names no account, as on the real platforms. */
  private static Optional<Handle> parse(Platform platform, String raw) {
    try {
      return Optional.of(Handle.of(platform, raw));
    } catch (InvalidInputException e) {
      return Optional.empty();
    }
  }

  private static String seconds(Duration wait) {
    return Long.toString(Math.max(0, (wait.toMillis() + 999) / 1000));
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static void requireValid(int port, Duration latency) {
    if (port < 0 || port > 65_535) {
      throw new InvalidInputException("demo platform port must be 0-65535, got " + port);
    }
    if (latency.isNegative()) {
      throw new InvalidInputException("demo platform latency must not be negative: " + latency);
    }
  }

  private static HttpServer bind(int port) throws IOException {
    // The JDK's server leaves Nagle's algorithm on, and each small answer then waits for the
    // client's delayed ACK: about 45 ms on every request, measured by the latency benchmark. The
    // property is read once, when the server's configuration loads; a value set by the user stays.
    if (System.getProperty(NO_DELAY_PROPERTY) == null) {
      System.setProperty(NO_DELAY_PROPERTY, "true");
    }
    return HttpServer.create(new InetSocketAddress(LOOPBACK, port), MAX_CONCURRENT_REQUESTS);
  }

  private static ThreadPoolExecutor executor() {
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            MAX_CONCURRENT_REQUESTS,
            MAX_CONCURRENT_REQUESTS,
            10,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            DemoPlatform::daemonThread);
    // Idle threads go away, so a quiet demo platform holds none.
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }

  private static Thread daemonThread(Runnable task) {
    Thread thread = new Thread(task, "demo-platform-" + THREADS.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  }
}
