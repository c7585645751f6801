package io.rescrape.example.cli;

import io.rescrape.core.domain.InvalidInputException;
import io.rescrape.core.domain.Platform;
import io.rescrape.example.AppEnvironment.PlatformHttp;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Where each platform answers and how its requests are sent: every command that scrapes. */
public final class ScraperOptions {

  private static final Duration LONGEST_TIMEOUT = Duration.ofMinutes(5);

  @Option(
      names = "--instagram-url",
      paramLabel = "URL",
      description = "Base URL of Instagram (default: ${DEFAULT-VALUE}).",
      defaultValue = "https://www.instagram.com")
  URI instagramUrl;

  @Option(
      names = "--tiktok-url",
      paramLabel = "URL",
      description = "Base URL of TikTok (default: ${DEFAULT-VALUE}).",
      defaultValue = "https://www.tiktok.com")
  URI tiktokUrl;

  @Option(
      names = "--instagram-header",
      paramLabel = "NAME:VALUE",
      description =
          "A header sent with every Instagram request, replacing a default of the same name"
              + " (such as User-Agent or X-IG-App-ID); repeat for more.")
  List<String> instagramHeaders = List.of();

  @Option(
      names = "--tiktok-header",
      paramLabel = "NAME:VALUE",
      description = "A header sent with every TikTok request, as for --instagram-header.")
  List<String> tiktokHeaders = List.of();

  @Option(
      names = "--instagram-proxy",
      paramLabel = "URL",
      description = "Send Instagram requests through this HTTP proxy, e.g. http://127.0.0.1:3128.")
  String instagramProxy;

  @Option(
      names = "--tiktok-proxy",
      paramLabel = "URL",
      description = "Send TikTok requests through this HTTP proxy.")
  String tiktokProxy;

  @Option(
      names = "--request-timeout",
      paramLabel = "DURATION",
      converter = Converters.DurationConverter.class,
      description =
          "The longest one request may take, to the last byte of the answer; 100ms to 5m"
              + " (default: ${DEFAULT-VALUE}).",
      defaultValue = "10s")
  Duration requestTimeout;

  /** {@return the base URL of a platform} */
  URI baseUrl(Platform platform) {
    return platform == Platform.INSTAGRAM ? instagramUrl : tiktokUrl;
  }

  /**
   * {@return each platform's headers, proxy and timeout}
   *
   * @throws InvalidInputException naming the option and value that is not acceptable
   */
  Map<Platform, PlatformHttp> http() {
    if (requestTimeout.compareTo(Duration.ofMillis(100)) < 0
        || requestTimeout.compareTo(LONGEST_TIMEOUT) > 0) {
      throw new InvalidInputException(
          "--request-timeout must be between 100ms and 5m, got "
              + Converters.describe(requestTimeout));
    }
    Map<Platform, PlatformHttp> http = new EnumMap<>(Platform.class);
    http.put(
        Platform.INSTAGRAM,
        new PlatformHttp(
            headers("--instagram-header", "X-IG-App-ID: 936619743392459", instagramHeaders),
            proxy("--instagram-proxy", instagramProxy),
            requestTimeout));
    http.put(
        Platform.TIKTOK,
        new PlatformHttp(
            headers("--tiktok-header", "User-Agent: Mozilla/5.0", tiktokHeaders),
            proxy("--tiktok-proxy", tiktokProxy),
            requestTimeout));
    return http;
  }

  private static Map<String, String> headers(String option, String example, List<String> given) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String header : given) {
      int colon = header.indexOf(':');
      if (colon <= 0) {
        throw new InvalidInputException(
            option
                + " must be NAME:VALUE, such as 'X-IG-App-ID: 936619743392459', got "
                + InvalidInputException.quoted(header));
      }
      headers.put(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
    }
    return headers;
  }

  private static @Nullable URI proxy(String option, @Nullable String given) {
    if (given == null) {
      return null;
    }
    try {
      return new URI(given.strip());
    } catch (URISyntaxException e) {
      throw new InvalidInputException(
          option + " " + InvalidInputException.quoted(given) + " is not a URL: " + e.getReason());
    }
  }
}
