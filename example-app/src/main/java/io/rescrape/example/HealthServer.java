package io.rescrape.example;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.rescrape.core.Rescrape;
import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.JobStatus;
import io.rescrape.core.domain.PlatformStatus;
import io.rescrape.core.domain.PlatformStatus.Circuit;
import io.rescrape.example.output.Json;
import io.rescrape.redis.RedisHealth;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /health} (and {@code HEAD}) on 127.0.0.1 for a running {@code serve}: the database,
 * Redis when one is used, the trigger's next fire time, the running job and the last completed one,
 * as JSON. Status 200 when everything answers, 200 with {@code DEGRADED} when Redis does not (the
 * database takes over), 503 when the database does not.
 */
public final class HealthServer implements AutoCloseable {

  private static final String PATH = "/health";
  private static final int BACKLOG = 16;
  // Several threads, so that a few slow clients do not hold up the others; RescrapeApp bounds how
  // long a client may take to send its request (sun.net.httpserver.maxReqTime).
  private static final int THREADS = 8;

  private final HttpServer server;
  private final Rescrape rescrape;
  private final String instance;
  private final Supplier<@Nullable RedisHealth> redis;

  private HealthServer(
      HttpServer server,
      Rescrape rescrape,
      String instance,
      Supplier<@Nullable RedisHealth> redis) {
    this.server = server;
    this.rescrape = rescrape;
    this.instance = instance;
    this.redis = redis;
  }

  /**
   * Starts serving health on a loopback port.
   *
   * @param port the port on 127.0.0.1; 0 for any free one
   * @param environment what to report on
   * @return the running server
   */
  public static HealthServer start(int port, AppEnvironment environment) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), BACKLOG);
      HealthServer health =
          new HealthServer(
              server,
              environment.rescrape(),
              environment.rescrape().runner().instanceId(),
              environment::redisHealth);
      server.createContext("/", health::answer);
      server.setExecutor(Executors.newFixedThreadPool(THREADS, HealthServer::daemonThread));
      server.start();
      return health;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot serve health on 127.0.0.1:" + port + ": " + e.getMessage(), e);
    }
  }

  /** The port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!PATH.equals(exchange.getRequestURI().getRawPath())) {
        send(exchange, method, 404, Map.of("error", "only " + PATH + " is served"));
      } else if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, method, 405, Map.of("error", "only GET and HEAD are allowed"));
      } else {
        Map<String, Object> report = report();
        send(exchange, method, "DOWN".equals(report.get("status")) ? 503 : 200, report);
      }
    }
  }

  private static Thread daemonThread(Runnable task) {
    Thread thread = new Thread(task, "rescrape-health");
    thread.setDaemon(true);
    return thread;
  }

  private Map<String, Object> report() {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("status", "UP");
    report.put("instance", instance);
    report.put("checkedAt", rescrape.clock().instant());
    try {
      report.put("runningJob", rescrape.jobs().running().map(this::job).orElse(null));
      report.put("lastCompletedJob", lastCompleted().map(this::job).orElse(null));
      report.put("database", Map.of("up", true));
    } catch (RuntimeException e) {
      report.put("status", "DOWN");
      report.put("database", Map.of("up", false, "error", String.valueOf(e.getMessage())));
    }
    RedisHealth redisHealth = redis.get();
    report.put("redis", redisHealth);
    if (redisHealth != null && !redisHealth.up() && "UP".equals(report.get("status"))) {
      report.put("status", "DEGRADED");
    }
    List<PlatformStatus> platforms = rescrape.runner().platformStatuses();
    report.put("platforms", platforms.stream().map(this::platform).toList());
    boolean circuitOpen = platforms.stream().anyMatch(p -> p.circuit() != Circuit.CLOSED);
    if (circuitOpen && "UP".equals(report.get("status"))) {
      report.put("status", "DEGRADED");
    }
    report.put("trigger", Map.of("nextFire", rescrape.trigger().nextFireTime()));
    return report;
  }

  private Map<String, Object> platform(PlatformStatus status) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("platform", status.platform().id());
    view.put("serving", status.isServing());
    view.put("circuit", status.circuit());
    view.put("failingSince", status.failingSince());
    view.put("pausedUntil", status.pausedUntil());
    view.put("reason", status.reason());
    return view;
  }

  private Optional<DailyJob> lastCompleted() {
    return rescrape.jobs().recent(30).stream()
        .filter(job -> job.status() == JobStatus.COMPLETED)
        .findFirst();
  }

  private Map<String, Object> job(DailyJob job) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", job.id().value());
    view.put("date", job.date());
    view.put("status", job.status());
    view.put("description", job.description());
    view.put("owner", job.lease() == null ? null : job.lease().owner());
    view.put("leaseUntil", job.lease() == null ? null : job.lease().until());
    view.put("finishedAt", job.finishedAt());
    return view;
  }

  private static void send(HttpExchange exchange, String method, int status, Object body)
      throws IOException {
    StringWriter text = new StringWriter();
    Json.print(new PrintWriter(text), body);
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    if (method.equals("HEAD")) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
