package io.rescrape.web;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per change made through the API: what changed, which job or creator, and the
 * fingerprint of the token that asked, never the token. Refused changes are logged too, at most one
 * line per ten seconds so that a flood of bad requests cannot flood the log.
 */
final class ChangeLog {

  private static final Logger log = LoggerFactory.getLogger(ChangeLog.class);
  private static final long REFUSAL_LOG_INTERVAL_NANOS = Duration.ofSeconds(10).toNanos();

  static final String FINGERPRINT = "rescrape.token.fingerprint";

  private final AtomicLong lastRefusalLog =
      new AtomicLong(System.nanoTime() - REFUSAL_LOG_INTERVAL_NANOS);
  private final AtomicLong refusedSinceLog = new AtomicLong();

  void changed(Context ctx, String what, Object... arguments) {
    String change = String.format(Locale.ROOT, what, arguments);
    log.info("API change: {} (token {}, from {})", change, ctx.attribute(FINGERPRINT), ctx.ip());
  }

  void refused(Context ctx, String why) {
    long refused = refusedSinceLog.incrementAndGet();
    long now = System.nanoTime();
    long last = lastRefusalLog.get();
    if (now - last >= REFUSAL_LOG_INTERVAL_NANOS && lastRefusalLog.compareAndSet(last, now)) {
      refusedSinceLog.addAndGet(-refused);
      log.warn(
          "API refused {} {} from {}: {}{}",
          ctx.method(),
          ctx.path(),
          ctx.ip(),
          why,
          refused > 1 ? " (" + refused + " changes refused since the last such line)" : "");
    }
  }
}
