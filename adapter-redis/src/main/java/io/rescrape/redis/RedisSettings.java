package io.rescrape.redis;

import io.rescrape.core.domain.InvalidInputException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where Redis is and how the work queue uses it. Build one with {@link #builder(String)}; every
 * setting but the URI has a documented default.
 *
 * @param uri {@code redis://[user:password@]host:port[/database]}, or {@code rediss://} for TLS
 * @param keyPrefix the start of every key, so that several deployments can share a Redis; default
 *     {@code rescrape}
 * @param retention how long a job's keys outlive its last activity; default 7 days
 * @param batchSize items pushed to Redis per round trip when a job opens; default 1,000
 * @param probeInterval how often an unreachable Redis is tried again; default 10 s
 * @param timeout connect and read timeout of each Redis call; default 2 s
 */
public record RedisSettings(
    URI uri,
    String keyPrefix,
    Duration retention,
    int batchSize,
    Duration probeInterval,
    Duration timeout) {

  private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final Pattern DATABASE = Pattern.compile("/?|/\\d{1,5}");
  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:(//?)?");

  /**
   * Validated settings.
   *
   * @param uri a redis or rediss URI with a host
   * @param keyPrefix 1 to 64 letters, digits, '.', '_', ':' or '-'
   * @param retention at least a minute
   * @param batchSize 1 to 100,000
   * @param probeInterval positive
   * @param timeout positive
   * @throws InvalidInputException naming the first setting out of range
   */
  public RedisSettings {
    String scheme = Objects.requireNonNullElse(uri.getScheme(), "").toLowerCase(Locale.ROOT);
    if (!scheme.equals("redis") && !scheme.equals("rediss") || uri.getHost() == null) {
      throw new InvalidInputException(
          "Redis URL must look like redis://host:6379 or rediss://user:password@host:6380, got '"
              + redacted(uri)
              + "'");
    }
    String path = Objects.requireNonNullElse(uri.getPath(), "");
    if (!path.isEmpty() && !DATABASE.matcher(path).matches()) {
      throw new InvalidInputException(
          "Redis URL must name its database as a number, such as /0, got '" + redacted(uri) + "'");
    }
    if (uri.getPort() > 65_535) {
      throw new InvalidInputException(
          "Redis URL port must be 1 to 65535, got "
              + uri.getPort()
              + " in '"
              + redacted(uri)
              + "'");
    }
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null && !userInfo.contains(":")) {
      throw new InvalidInputException(
          "Redis URL names a user but no password; write redis://user:password@host or"
              + " redis://:password@host, got '"
              + redacted(uri)
              + "'");
    }
    if (!PREFIX.matcher(keyPrefix).matches()) {
      throw new InvalidInputException(
          "Redis key prefix must be 1 to 64 letters, digits, '.', '_', ':' or '-', got "
              + InvalidInputException.quoted(keyPrefix));
    }
    if (retention.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new InvalidInputException(
          "Redis key retention must be at least 1 min, got " + retention);
    }
    if (batchSize < 1 || batchSize > 100_000) {
      throw new InvalidInputException(
          "Redis batch size must be between 1 and 100000, got " + batchSize);
    }
    if (probeInterval.isNegative() || probeInterval.isZero()) {
      throw new InvalidInputException(
          "Redis probe interval must be positive, got " + probeInterval);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new InvalidInputException("Redis timeout must be positive, got " + timeout);
    }
  }

  /**
   * Starts settings for a Redis URL.
   *
   * @param uri {@code redis://host:port} or {@code rediss://user:password@host:port}
   * @return a builder with every other setting at its default
   * @throws InvalidInputException when the URL cannot be parsed
   */
  public static Builder builder(String uri) {
    try {
      return new Builder(URI.create(uri.strip()));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "Redis URL is not a URL: " + InvalidInputException.quoted(redacted(uri)));
    }
  }

  /** {@return the URL without its password, for logs and health reports} */
  public String redactedUri() {
    return redacted(uri);
  }

  private static String redacted(URI uri) {
    return redacted(uri.toString());
  }

  /**
   * The URL text with everything between its scheme and its last {@code @} masked: a user name is
   * kept when a password follows it. Works on text, so that a URL too malformed to parse, quoted in
   * an error, does not show its password either; masking too much of such a URL is fine.
   */
  static String redacted(String url) {
    int at = url.lastIndexOf('@');
    if (at < 0) {
      return url;
    }
    Matcher scheme = SCHEME.matcher(url);
    int start = scheme.lookingAt() && scheme.end() <= at ? scheme.end() : 0;
    String userInfo = url.substring(start, at);
    int colon = userInfo.indexOf(':');
    String shown = colon < 0 ? "***" : userInfo.substring(0, colon) + ":***";
    return url.substring(0, start) + shown + url.substring(at);
  }

  /** Builds validated {@link RedisSettings}. */
  public static final class Builder {
    private final URI uri;
    private String keyPrefix = "rescrape";
    private Duration retention = Duration.ofDays(7);
    private int batchSize = 1_000;
    private Duration probeInterval = Duration.ofSeconds(10);
    private Duration timeout = Duration.ofSeconds(2);

    private Builder(URI uri) {
      this.uri = uri;
    }

    /**
     * The start of every key. Default: {@code rescrape}.
     *
     * @param prefix 1 to 64 letters, digits, '.', '_', ':' or '-'
     * @return this builder
     */
    public Builder keyPrefix(String prefix) {
      this.keyPrefix = prefix;
      return this;
    }

    /**
     * How long a job's keys outlive its last activity. Default: 7 days.
     *
     * @param retention at least a minute
     * @return this builder
     */
    public Builder retention(Duration retention) {
      this.retention = retention;
      return this;
    }

    /**
     * Items pushed per round trip when a job opens. Default: 1,000.
     *
     * @param size 1 to 100,000
     * @return this builder
     */
    public Builder batchSize(int size) {
      this.batchSize = size;
      return this;
    }

    /**
     * How often an unreachable Redis is tried again. Default: 10 s.
     *
     * @param interval positive
     * @return this builder
     */
    public Builder probeInterval(Duration interval) {
      this.probeInterval = interval;
      return this;
    }

    /**
     * Connect and read timeout of each call. Default: 2 s.
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /**
     * The settings.
     *
     * @return validated settings
     * @throws InvalidInputException naming the first setting out of range
     */
    public RedisSettings build() {
      return new RedisSettings(uri, keyPrefix, retention, batchSize, probeInterval, timeout);
    }
  }
}
