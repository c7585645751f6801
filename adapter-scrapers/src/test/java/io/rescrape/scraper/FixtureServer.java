package io.rescrape.scraper;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A platform stand-in on 127.0.0.1 that gives every request the one answer it was told to give, and
 * remembers the last request it saw.
 */
final class FixtureServer implements AutoCloseable {

  /** The base path, so that tests also show that a base URI's path is kept. */
  static final String BASE_PATH = "/platform";

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final CountDownLatch closing = new CountDownLatch(1);
  private volatile Answer answer = new Answer(500, new byte[0], Map.of(), false);
  private volatile URI lastRequest = URI.create("/");
  private volatile Map<String, String> lastHeaders = Map.of();

  private FixtureServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  static FixtureServer start() {
    try {
      return new FixtureServer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Answers every request with {@code status} and the fixture file's bytes. */
  FixtureServer answer(int status, String fixture) {
    return answer(status, fixture, Map.of());
  }

  FixtureServer answer(int status, String fixture, Map<String, String> headers) {
    answer = new Answer(status, fixture(fixture), headers, false);
    return this;
  }

  /** Answers every request with {@code status}, these headers and an empty body. */
  FixtureServer answerEmpty(int status, Map<String, String> headers) {
    answer = new Answer(status, new byte[0], headers, false);
    return this;
  }

  /** Accepts requests but does not answer until closed. */
  FixtureServer hang() {
    answer = new Answer(200, new byte[0], Map.of(), true);
    return this;
  }

  URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + BASE_PATH);
  }

  /** The path and query of the last request, as sent. */
  URI lastRequest() {
    return lastRequest;
  }

  /** The headers of the last request, names in lower case. */
  Map<String, String> lastHeaders() {
    return lastHeaders;
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    lastRequest = exchange.getRequestURI();
    lastHeaders = headersOf(exchange);
    Answer now = answer;
    if (now.hang()) {
      awaitClose();
    }
    now.headers().forEach(exchange.getResponseHeaders()::set);
    exchange.sendResponseHeaders(now.status(), now.body().length == 0 ? -1 : now.body().length);
    exchange.getResponseBody().write(now.body());
    exchange.close();
  }

  private void awaitClose() {
    try {
      closing.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Map<String, String> headersOf(HttpExchange exchange) {
    Map<String, String> headers = new LinkedHashMap<>();
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
    return headers;
  }

  private static byte[] fixture(String name) {
    try (InputStream in = FixtureServer.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Answer(int status, byte[] body, Map<String, String> headers, boolean hang) {}
}
