package io.rescrape.scraper;

import io.rescrape.core.domain.ScrapeResult;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a non-2xx answer, the same on every platform: decided by its status, and for a
 * refusal (a 4xx other than 404, 407, 408 and 410) by what its body says, read up to the body
 * limit.
 */
final class StatusOutcomes {

  private StatusOutcomes() {}

  /** The outcome of a non-2xx answer. */
  static ScrapeResult of(Lookup lookup, HttpResponse<LimitedBody> response, Clock clock) {
    int status = response.statusCode();
    if (status >= 300 && status < 400) {
      return redirect(lookup, status, response.headers().firstValue("Location").orElse(""));
    }
    return switch (status) {
      case 404, 410 -> ScrapeResult.notFound(lookup.describe(status, "no such account"));
      case 407 -> proxyRefuses(lookup);
      case 408 -> ScrapeResult.transientFailure(lookup.describe(status, "request timed out"));
      default ->
          status >= 500
              ? ScrapeResult.transientFailure(lookup.describe(status, "server error"))
              : refusal(lookup, response, clock);
    };
  }

  private static ScrapeResult redirect(Lookup lookup, int status, String location) {
    if (location.toLowerCase(Locale.ROOT).contains("/login")) {
      return ScrapeResult.blocked(lookup.describe(status, "redirected to a login page"));
    }
    String where = location.isEmpty() ? "elsewhere" : "to " + Bodies.excerpt(location, 80);
    return ScrapeResult.blocked(lookup.describe(status, "redirected " + where));
  }

  private static ScrapeResult proxyRefuses(Lookup lookup) {
    // Only a proxy answers 407, and it does so whatever the creator: our proxy setting is wrong.
    return ScrapeResult.misconfigured(
        lookup.describe(407, "the proxy asks for credentials; check the proxy setting"));
  }

  private static ScrapeResult refusal(
      Lookup lookup, HttpResponse<LimitedBody> response, Clock clock) {
    int status = response.statusCode();
    Duration statedWait = statedWait(response, clock);
    String words = Bodies.readableText(response.body().text());
    ScrapeResult byWords = RefusalWords.outcome(lookup, status, words, statedWait);
    if (byWords != null) {
      return byWords;
    }

    boolean throttled = status == 429 || status == 420;
    if (throttled) {
      return ScrapeResult.rateLimited(statedWait, lookup.describe(status, "rate limited"));
    }
    boolean denied = status == 401 || status == 403;
    // Another 4xx to a plain GET means the platform refuses this client, rather than that the
    // account or the endpoint is gone: retrying after a backoff harms least.
    return ScrapeResult.blocked(
        lookup.describe(status, denied ? "access denied" : "request refused"));
  }

  private static @Nullable Duration statedWait(HttpResponse<?> response, Clock clock) {
    return RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock);
  }
}
