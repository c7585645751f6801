package io.rescrape.scraper;

import io.rescrape.core.domain.ScrapeOutcome;
import io.rescrape.core.domain.ScrapeResult;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a scraper's GET requests and turns every answer, and every failure to get one, into exactly
 * one result. What a successful answer's body means is left to a {@link BodyReader}.
 *
 * <p>Each exchange is bounded twice: in time, by the request timeout from sending to the last body
 * byte, and in size, by the body limit. Whichever bound is passed, the exchange is cancelled.
 */
final class HttpProfileFetcher {

  private static final Logger log = LoggerFactory.getLogger(HttpProfileFetcher.class);
  private static final int LOGGED_BODY_CHARS = 500;
  private static final long KIB = 1024;
  private static final long MIB = 1024 * KIB;

  /** Reads the body of a 2xx answer. May throw {@link UnexpectedStructureException}. */
  @FunctionalInterface
  interface BodyReader {
    ScrapeResult read(Lookup lookup, int status, String body);
  }

  private final HttpScraperSettings settings;
  private final HttpClient client;
  private final Map<String, String> platformHeaders;
  private final String base;

  /**
   * A fetcher that sends the platform's default headers, each unless the settings give a header of
   * the same name.
   */
  HttpProfileFetcher(HttpScraperSettings settings, Map<String, String> platformHeaders) {
    this.settings = settings;
    this.client = settings.httpClient() != null ? settings.httpClient() : ownClient(settings);
    this.platformHeaders = Map.copyOf(platformHeaders);
    this.base = withoutTrailingSlash(settings.baseUri().toString());
  }

  /**
   * Fetches {@code pathAndQuery} below the base URI. Never throws.
   *
   * @param pathAndQuery already encoded, starting with a slash
   */
  ScrapeResult fetch(Lookup lookup, String pathAndQuery, BodyReader reader) {
    try {
      return send(lookup, URI.create(base + pathAndQuery), reader);
    } catch (RuntimeException e) {
      log.error("Scraping {} failed unexpectedly; reported as a transient failure", lookup, e);
      return ScrapeResult.transientFailure(lookup.describe("unexpected error: " + e));
    }
  }

  private ScrapeResult send(Lookup lookup, URI uri, BodyReader reader) {
    AtomicBoolean headersArrived = new AtomicBoolean();
    CompletableFuture<HttpResponse<LimitedBody>> exchange =
        client.sendAsync(request(uri), limitedBody(headersArrived));

    // No HttpRequest.timeout(): it ends with the headers, so a server that then trickles its body
    // would hold this thread forever. The wait below bounds the whole exchange instead, and
    // cancelling the future cancels the exchange and closes its connection (JDK 16 and later).
    try {
      long timeoutMillis = settings.requestTimeout().toMillis();
      return answer(lookup, exchange.get(timeoutMillis, TimeUnit.MILLISECONDS), reader);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      return ScrapeResult.transientFailure(lookup.describe(overdue(headersArrived.get())));
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      return ScrapeResult.transientFailure(lookup.describe("interrupted while waiting"));
    } catch (ExecutionException e) {
      exchange.cancel(true); // let go of whatever the failed exchange still holds
      return ScrapeResult.transientFailure(lookup.describe(failure(unwrap(e))));
    }
  }

  private BodyHandler<LimitedBody> limitedBody(AtomicBoolean headersArrived) {
    BodyHandler<LimitedBody> limited = LimitedBody.handler(settings.maxBodyBytes());
    return info -> {
      headersArrived.set(true);
      return limited.apply(info);
    };
  }

  private HttpRequest request(URI uri) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).GET().setHeader("User-Agent", settings.userAgent());
    // Header names are case-insensitive here, so a configured header replaces a default one.
    platformHeaders.forEach(request::setHeader);
    settings.headers().forEach(request::setHeader);
    return request.build();
  }

  private ScrapeResult answer(
      Lookup lookup, HttpResponse<LimitedBody> response, BodyReader reader) {
    ScrapeResult result = classify(lookup, response, reader);
    logUnsuccessful(response, result);
    return result;
  }

  private ScrapeResult classify(
      Lookup lookup, HttpResponse<LimitedBody> response, BodyReader reader) {
    int status = response.statusCode();
    if (status < 200 || status >= 300) {
      // A body cut at the limit still counts, in the part that arrived: a 429 or a 503 keeps its
      // meaning however large its body, and a refusal's words are near its start.
      return StatusOutcomes.of(lookup, response, settings.clock());
    }
    if (!response.body().complete()) {
      return tooLarge(lookup, status);
    }
    try {
      return reader.read(lookup, status, response.body().text());
    } catch (UnexpectedStructureException e) {
      return ScrapeResult.structureChanged(lookup.describe(status, e.getMessage()));
    }
  }

  private ScrapeResult tooLarge(Lookup lookup, int status) {
    // TRANSIENT, not STRUCTURE_CHANGED or BLOCKED: the body was never read to the end, so nothing
    // shows that the data moved or that a wall stands in the way, and neither outcome should be
    // claimed on no evidence. A profile answer many times its usual size is most likely a fault on
    // the way (a proxy or CDN streaming an error or a file, a tarpit), which a later attempt may
    // not meet; retries are bounded, and each costs at most the limit in memory. Should the pages
    // ever outgrow the limit for good, every attempt fails alike with a message naming the limit.
    String limit = size(settings.maxBodyBytes());
    return ScrapeResult.transientFailure(lookup.describe(status, "answer larger than " + limit));
  }

  private String overdue(boolean headersArrived) {
    String timeout = shortly(settings.requestTimeout());
    return headersArrived ? "no complete answer within " + timeout : "no answer within " + timeout;
  }

  private String failure(IOException e) {
    if (e instanceof HttpConnectTimeoutException) {
      return "could not connect within " + shortly(settings.connectTimeout());
    }
    if (e instanceof ConnectException) {
      return "could not connect (refused or unreachable)";
    }
    return "network error (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
  }

  /** The I/O failure that ended an exchange; anything else is unexpected and rethrown. */
  private static IOException unwrap(ExecutionException e) {
    Throwable cause = e.getCause();
    if (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof IOException io) {
      return io;
    }
    throw cause instanceof RuntimeException unexpected
        ? unexpected
        : new IllegalStateException("the HTTP exchange failed", cause);
  }

  private static void logUnsuccessful(HttpResponse<LimitedBody> response, ScrapeResult result) {
    if (result.outcome() != ScrapeOutcome.OK && log.isDebugEnabled()) {
      String text = response.body().text();
      String body = text.isBlank() ? "(empty)" : text;
      log.debug(
          "{} -> {}; body starts: {}",
          result.message(),
          result.outcome(),
          Bodies.excerpt(body, LOGGED_BODY_CHARS));
    }
  }

  /** {@code value} encoded to stand as one path segment or one query parameter value. */
  static String encode(String value) {
    // URLEncoder encodes for forms; a space must be %20 in a path, and %20 is valid in a query too.
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static HttpClient ownClient(HttpScraperSettings settings) {
    // Redirects are not followed: a redirect to a login page is itself the sign of a block.
    // Plain http gets HTTP/1.1: HTTP/2 there means an "Upgrade: h2c" dance, and a server that
    // answers 101 and falls silent would hold the connection every later request queues on.
    // Over https, HTTP/2 is agreed in the TLS handshake and stays.
    boolean plain = "http".equalsIgnoreCase(settings.baseUri().getScheme());
    HttpClient.Builder client =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(plain ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2);
    URI proxy = settings.proxy();
    if (proxy != null) {
      client.proxy(always(proxy));
    }
    return client.build();
  }

  private static ProxySelector always(URI proxy) {
    // Unresolved: the proxy's name is looked up as connections open, not once for good.
    return ProxySelector.of(InetSocketAddress.createUnresolved(proxy.getHost(), proxy.getPort()));
  }

  private static String withoutTrailingSlash(String uri) {
    return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
  }

  private static String shortly(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  private static String size(long bytes) {
    if (bytes % MIB == 0) {
      return bytes / MIB + " MiB";
    }
    return bytes % KIB == 0 ? bytes / KIB + " KiB" : bytes + " bytes";
  }
}
