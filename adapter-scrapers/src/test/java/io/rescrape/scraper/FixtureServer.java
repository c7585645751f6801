package io.rescrape.scraper;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A platform stand-in on 127.0.0.1 that gives every request the one answer it was told to give, and
 * remembers the last request it saw. An endless answer goes on until the client hangs up or the
 * server closes.
 */
final class FixtureServer implements AutoCloseable {

  /** The base path, so that tests also show that a base URI's path is kept. */
  static final String BASE_PATH = "/platform";

  private static final int STREAM_CHUNK_BYTES = 8 * 1024;

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final CountDownLatch hungUp = new CountDownLatch(1);
  private volatile Answer answer = new Answer(500, new byte[0], Map.of(), Delivery.AT_ONCE);
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
    answer = new Answer(status, fixture(fixture), headers, Delivery.AT_ONCE);
    return this;
  }

  /** Answers every request with {@code status} and the fixture, padded with spaces to the size. */
  FixtureServer answerPadded(int status, String fixture, int sizeInBytes) {
    byte[] content = fixture(fixture);
    byte[] padded = Arrays.copyOf(content, sizeInBytes);
    Arrays.fill(padded, content.length, sizeInBytes, (byte) ' ');
    answer = new Answer(status, padded, Map.of(), Delivery.AT_ONCE);
    return this;
  }

  /** Answers every request with {@code status}, these headers and an empty body. */
  FixtureServer answerEmpty(int status, Map<String, String> headers) {
    answer = new Answer(status, new byte[0], headers, Delivery.AT_ONCE);
    return this;
  }

  /** Accepts requests but does not answer until closed. */
  FixtureServer hang() {
    answer = new Answer(200, new byte[0], Map.of(), Delivery.AFTER_CLOSE);
    return this;
  }

  /** Sends status 200 and the headers at once, then a body of one byte every 100 ms, endlessly. */
  FixtureServer trickle() {
    answer = new Answer(200, new byte[] {' '}, Map.of(), Delivery.TRICKLE);
    return this;
  }

  /** Sends {@code status} and the headers at once, then a body as fast as it is read, endlessly. */
  FixtureServer stream(int status) {
    answer = new Answer(status, new byte[STREAM_CHUNK_BYTES], Map.of(), Delivery.STREAM);
    return this;
  }

  URI baseUri() {
    return URI.create(origin() + BASE_PATH);
  }

  /** {@code http://127.0.0.1:port}, as a proxy is given. */
  URI origin() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The path and query of the last request, as sent; the whole URI when sent to a proxy. */
  URI lastRequest() {
    return lastRequest;
  }

  /** The headers of the last request, names in lower case. */
  Map<String, String> lastHeaders() {
    return lastHeaders;
  }

  /** Whether a client closed the connection of an endless answer within {@code wait}. */
  boolean clientHungUpWithin(Duration wait) {
    try {
      return hungUp.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
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
    now.headers().forEach(exchange.getResponseHeaders()::set);
    switch (now.delivery()) {
      case AT_ONCE -> sendAll(exchange, now);
      case AFTER_CLOSE -> {
        awaitClose();
        sendAll(exchange, now);
      }
      case TRICKLE -> sendEndlessly(exchange, now, Duration.ofMillis(100));
      case STREAM -> sendEndlessly(exchange, now, Duration.ZERO);
    }
  }

  private static void sendAll(HttpExchange exchange, Answer answer) throws IOException {
    exchange.sendResponseHeaders(
        answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
    exchange.getResponseBody().write(answer.body());
    exchange.close();
  }

  /** Repeats the answer's body, chunked, until the client hangs up or the server closes. */
  private void sendEndlessly(HttpExchange exchange, Answer answer, Duration pause)
      throws IOException {
    exchange.sendResponseHeaders(answer.status(), 0);
    OutputStream body = exchange.getResponseBody();
    try {
      while (closing.getCount() > 0) {
        body.write(answer.body());
        body.flush();
        Thread.sleep(pause.toMillis());
      }
    } catch (IOException e) {
      hungUp.countDown();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
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

  private enum Delivery {
    AT_ONCE,
    AFTER_CLOSE,
    TRICKLE,
    STREAM
  }

  private record Answer(int status, byte[] body, Map<String, String> headers, Delivery delivery) {}
}
