package io.rescrape.scraper;

import io.rescrape.core.domain.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How an HTTP profile scraper reaches its platform. Build one with {@link #builder(URI)}; every
 * setting but the base URI has a documented default.
 *
 * @param baseUri where the platform answers, for example {@code https://www.instagram.com}; http or
 *     https, with a host, without query or fragment; a path is kept, so a scraper can be pointed at
 *     a prefix such as {@code http://127.0.0.1:8080/instagram}
 * @param requestTimeout the longest one exchange may take, from sending the request to the last
 *     byte of the answer's body; default 10 s. An exchange that runs longer is cancelled, which
 *     closes its connection, and becomes a {@code TRANSIENT} result
 * @param connectTimeout the longest opening a connection may take; default 5 s; ignored when an
 *     {@code httpClient} is given, which brings its own
 * @param maxBodyBytes the largest answer body that is read, in bytes; default {@value
 *     #DEFAULT_MAX_BODY_BYTES} (2 MiB: profile pages are a few hundred KB at most); at most {@value
 *     #MAX_BODY_BYTES_CEILING} (64 MiB). A body is read no further than this, and a successful
 *     answer with a larger body becomes a {@code TRANSIENT} result; every scraping thread may hold
 *     one body of this size
 * @param userAgent the {@code User-Agent} header; default {@value #DEFAULT_USER_AGENT}
 * @param headers extra request headers, sent on every request; one of these replaces a default
 *     header of the same name (such as {@code Accept}, {@code User-Agent}, or one of a scraper's
 *     default headers, see {@link HttpInstagramScraper#DEFAULT_HEADERS} and {@link
 *     HttpTikTokScraper#DEFAULT_HEADERS}); default none
 * @param proxy the HTTP proxy every request goes through, as {@code http://host:port}; null (the
 *     default) leaves the choice to the JVM's default proxy selector, which follows the {@code
 *     http.proxyHost} and {@code https.proxyHost} system properties. Ignored when an {@code
 *     httpClient} is given, which brings its own. A proxy that asks for credentials makes every
 *     scrape {@code MISCONFIGURED}; to use one, give an {@code httpClient} with an authenticator
 * @param httpClient a client to share between scrapers, or null to let each scraper build its own
 *     that does not follow redirects; a shared client should not follow redirects either, or a
 *     redirect to a login page is only seen as the login page it leads to
 * @param clock the clock against which an HTTP-date in a {@code Retry-After} header is measured;
 *     default the system clock in UTC
 */
public record HttpScraperSettings(
    URI baseUri,
    Duration requestTimeout,
    Duration connectTimeout,
    int maxBodyBytes,
    String userAgent,
    Map<String, String> headers,
    @Nullable URI proxy,
    @Nullable HttpClient httpClient,
    Clock clock) {

  /** The longest one exchange may take unless another timeout is configured: 10 s. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

  /** The {@code User-Agent} sent unless another is configured. */
  public static final String DEFAULT_USER_AGENT = "Rescrape";

  /** The largest body read unless another limit is configured: 2 MiB. */
  public static final int DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;

  /**
   * The highest limit a body may be given: 64 MiB. No profile page comes near it; a higher limit is
   * more likely a typo, and would let a few misbehaving answers fill the heap.
   */
  public static final int MAX_BODY_BYTES_CEILING = 64 * 1024 * 1024;

  /**
   * Validates the settings; prefer {@link #builder(URI)}, which fills in the defaults.
   *
   * @throws InvalidInputException naming the first setting that is not acceptable
   */
  public HttpScraperSettings {
    requireWebUri(baseUri);
    requirePositive("requestTimeout", requestTimeout);
    requirePositive("connectTimeout", connectTimeout);
    requireSaneBodyLimit(maxBodyBytes);
    if (userAgent.isBlank()) {
      throw new InvalidInputException("userAgent must not be blank");
    }
    headers = Map.copyOf(headers);
    headers.forEach((name, value) -> requireSendable(baseUri, name, value));
    if (proxy != null) {
      requireProxy(proxy);
    }
  }

  /**
   * Starts settings for a platform that answers at {@code baseUri}.
   *
   * @see #baseUri()
   */
  public static Builder builder(URI baseUri) {
    return new Builder(baseUri);
  }

  /**
   * Starts settings for a platform that answers at {@code baseUri}, as a user typed it.
   *
   * @throws InvalidInputException when {@code baseUri} is not a URI
   */
  public static Builder builder(String baseUri) {
    try {
      return new Builder(new URI(baseUri.strip()));
    } catch (URISyntaxException e) {
      throw new InvalidInputException("base URI '" + baseUri + "' is not a URI: " + e.getReason());
    }
  }

  private static void requireWebUri(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean web = scheme.equals("http") || scheme.equals("https");
    if (!web || uri.getHost() == null) {
      throw new InvalidInputException(
          "base URI '" + uri + "' must be an http or https URI with a host");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new InvalidInputException("base URI '" + uri + "' must not have a query or a fragment");
    }
  }

  private static void requireProxy(URI proxy) {
    // Any "@" is taken for credentials, even where the URI could not be parsed into user and
    // host, and the URI is then not quoted: it may hold a password.
    if (proxy.toString().contains("@")) {
      throw new InvalidInputException(
          "proxy must not carry credentials (user:password@); for a proxy that asks for them,"
              + " give an httpClient with an authenticator");
    }
    String problem = proxyProblem(proxy);
    if (problem != null) {
      throw new InvalidInputException(
          "proxy "
              + InvalidInputException.quoted(proxy.toString())
              + " must be http://host:port: "
              + problem);
    }
  }

  private static @Nullable String proxyProblem(URI proxy) {
    String path = proxy.getRawPath() == null ? "" : proxy.getRawPath();
    boolean bare = (path.isEmpty() || path.equals("/")) && proxy.getRawQuery() == null;
    if (!"http".equalsIgnoreCase(proxy.getScheme())) {
      return "the scheme is not http";
    }
    if (proxy.getHost() == null) {
      return "it has no host";
    }
    if (proxy.getPort() < 1 || proxy.getPort() > 65_535) {
      return "it has no port from 1 to 65535";
    }
    return bare && proxy.getRawFragment() == null ? null : "it has a path, query or fragment";
  }

  private static void requirePositive(String name, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new InvalidInputException(name + " must be positive, got " + value);
    }
  }

  private static void requireSaneBodyLimit(int maxBodyBytes) {
    if (maxBodyBytes <= 0) {
      throw new InvalidInputException("maxBodyBytes must be positive, got " + maxBodyBytes);
    }
    if (maxBodyBytes > MAX_BODY_BYTES_CEILING) {
      throw new InvalidInputException(
          "maxBodyBytes must be at most "
              + MAX_BODY_BYTES_CEILING
              + " (64 MiB), got "
              + maxBodyBytes);
    }
  }

  private static void requireSendable(URI uri, String name, String value) {
    try {
      HttpRequest.newBuilder(uri).setHeader(name, value);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("header '" + name + "' cannot be sent: " + e.getMessage());
    }
  }

  /** Builds validated {@link HttpScraperSettings}. */
  public static final class Builder {
    private final URI baseUri;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private String userAgent = DEFAULT_USER_AGENT;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private @Nullable URI proxy;
    private @Nullable HttpClient httpClient;
    private Clock clock = Clock.systemUTC();

    private Builder(URI baseUri) {
      this.baseUri = baseUri;
    }

    /**
     * The longest one exchange may take, from sending the request to the last byte of the body;
     * default 10 s.
     */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = timeout;
      return this;
    }

    /** The longest opening a connection may take; default 5 s. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    /**
     * The largest answer body that is read, in bytes, from 1 to {@value
     * HttpScraperSettings#MAX_BODY_BYTES_CEILING}; default {@value
     * HttpScraperSettings#DEFAULT_MAX_BODY_BYTES} (2 MiB).
     */
    public Builder maxBodyBytes(int maxBodyBytes) {
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /** The {@code User-Agent} header; default {@value HttpScraperSettings#DEFAULT_USER_AGENT}. */
    public Builder userAgent(String userAgent) {
      this.userAgent = userAgent;
      return this;
    }

    /** Sends this header on every request, replacing any earlier value of the same name. */
    public Builder header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    /**
     * Sends every request through this HTTP proxy, given as {@code http://host:port}; default none,
     * which leaves the choice to the JVM's default proxy selector. Ignored when an {@link
     * #httpClient} is given.
     */
    public Builder proxy(URI proxy) {
      this.proxy = proxy;
      return this;
    }

    /**
     * Sends every request through this client instead of one the scraper builds; the client's own
     * proxy, timeouts and redirect policy then apply.
     */
    public Builder httpClient(HttpClient client) {
      this.httpClient = client;
      return this;
    }

    /** The clock for {@code Retry-After} dates; default the system clock in UTC. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Validates and builds the settings.
     *
     * @throws InvalidInputException naming the first setting that is not acceptable
     */
    public HttpScraperSettings build() {
      return new HttpScraperSettings(
          baseUri,
          requestTimeout,
          connectTimeout,
          maxBodyBytes,
          userAgent,
          headers,
          proxy,
          httpClient,
          clock);
    }
  }
}
