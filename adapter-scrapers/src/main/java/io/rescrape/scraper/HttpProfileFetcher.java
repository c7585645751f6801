package io.rescrape.scraper;

import io.rescrape.core.domain.ScrapeOutcome;
import io.rescrape.core.domain.ScrapeResult;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a scraper's GET requests and turns every answer, and every failure to get one, into exactly
 * one result. What a successful answer's body means is left to a {@link BodyReader}.
 */
final class HttpProfileFetcher {

  private static final Logger log = LoggerFactory.getLogger(HttpProfileFetcher.class);
  private static final int LOGGED_BODY_CHARS = 500;

  /** Reads the body of a 2xx answer. May throw {@link UnexpectedStructureException}. */
  @FunctionalInterface
  interface BodyReader {
    ScrapeResult read(Lookup lookup, int status, String body);
  }

  private final HttpScraperSettings settings;
  private final HttpClient client;
  private final String accept;
  private final String base;

  HttpProfileFetcher(HttpScraperSettings settings, String accept) {
    this.settings = settings;
    this.client = settings.httpClient() != null ? settings.httpClient() : ownClient(settings);
    this.accept = accept;
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
    try {
      return answer(lookup, client.send(request(uri), BodyHandlers.ofString()), reader);
    } catch (IOException e) {
      return ScrapeResult.transientFailure(lookup.describe(failure(e)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ScrapeResult.transientFailure(lookup.describe("interrupted while waiting"));
    }
  }

  private HttpRequest request(URI uri) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .GET()
            .timeout(settings.requestTimeout())
            .setHeader("Accept", accept)
            .setHeader("User-Agent", settings.userAgent());
    settings.headers().forEach(request::setHeader);
    return request.build();
  }

  private ScrapeResult answer(Lookup lookup, HttpResponse<String> response, BodyReader reader) {
    ScrapeResult result = classify(lookup, response, reader);
    logUnsuccessful(response, result);
    return result;
  }

  private ScrapeResult classify(Lookup lookup, HttpResponse<String> response, BodyReader reader) {
    int status = response.statusCode();
    if (status < 200 || status >= 300) {
      return StatusOutcomes.of(lookup, response, settings.clock());
    }
    try {
      return reader.read(lookup, status, response.body());
    } catch (UnexpectedStructureException e) {
      return ScrapeResult.structureChanged(lookup.describe(status, e.getMessage()));
    }
  }

  private String failure(IOException e) {
    if (e instanceof HttpConnectTimeoutException) {
      return "could not connect within " + shortly(settings.connectTimeout());
    }
    if (e instanceof HttpTimeoutException) {
      return "no answer within " + shortly(settings.requestTimeout());
    }
    if (e instanceof ConnectException) {
      return "could not connect (refused or unreachable)";
    }
    return "network error (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
  }

  private static void logUnsuccessful(HttpResponse<String> response, ScrapeResult result) {
    if (result.outcome() != ScrapeOutcome.OK && log.isDebugEnabled()) {
      String body = response.body().isBlank() ? "(empty)" : response.body();
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
    return HttpClient.newBuilder()
        .connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  private static String withoutTrailingSlash(String uri) {
    return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
  }

  private static String shortly(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }
}
