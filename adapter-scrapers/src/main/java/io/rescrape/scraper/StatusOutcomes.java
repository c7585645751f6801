package io.rescrape.scraper;

import io.rescrape.core.domain.ScrapeResult;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Locale;

/** The outcome of an answer whose HTTP status alone decides it, the same on every platform. */
final class StatusOutcomes {

  private StatusOutcomes() {}

  /** The outcome of a non-2xx answer. */
  static ScrapeResult of(Lookup lookup, HttpResponse<?> response, Clock clock) {
    int status = response.statusCode();
    if (status == 429 || status == 420) {
      return rateLimited(lookup, response, clock);
    }
    if (status >= 300 && status < 400) {
      return redirect(lookup, status, response.headers().firstValue("Location").orElse(""));
    }
    return refusal(lookup, status);
  }

  private static ScrapeResult rateLimited(Lookup lookup, HttpResponse<?> response, Clock clock) {
    String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
    return ScrapeResult.rateLimited(
        RetryAfter.parse(retryAfter, clock),
        lookup.describe(response.statusCode(), "rate limited"));
  }

  private static ScrapeResult redirect(Lookup lookup, int status, String location) {
    if (location.toLowerCase(Locale.ROOT).contains("/login")) {
      return ScrapeResult.blocked(lookup.describe(status, "redirected to a login page"));
    }
    String where = location.isEmpty() ? "elsewhere" : "to " + Bodies.excerpt(location, 80);
    return ScrapeResult.blocked(lookup.describe(status, "redirected " + where));
  }

  private static ScrapeResult refusal(Lookup lookup, int status) {
    return switch (status) {
      case 404, 410 -> ScrapeResult.notFound(lookup.describe(status, "no such account"));
      case 401, 403 -> ScrapeResult.blocked(lookup.describe(status, "access denied"));
      case 408 -> ScrapeResult.transientFailure(lookup.describe(status, "request timed out"));
      default ->
          status >= 500
              ? ScrapeResult.transientFailure(lookup.describe(status, "server error"))
              // Another 4xx to a plain GET means the platform refuses this client, rather than
              // that the account or the endpoint is gone: retrying after a backoff harms least.
              : ScrapeResult.blocked(lookup.describe(status, "request refused"));
    };
  }
}
