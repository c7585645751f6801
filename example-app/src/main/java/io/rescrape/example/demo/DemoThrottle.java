package io.rescrape.example.demo;

import io.rescrape.core.domain.InvalidInputException;
import io.rescrape.core.domain.Platform;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A throttle the demo platform plays: from the {@code fromRequest}-th profile request of {@code
 * platform} on, it answers HTTP 429 for {@code lasting}, naming {@code retryAfter} if set.
 *
 * @param platform the platform that throttles
 * @param fromRequest the first profile request answered 429, from 1
 * @param lasting how long it keeps answering 429, from its first 429
 * @param retryAfter the wait its {@code Retry-After} header names; null for no header
 */
public record DemoThrottle(
    Platform platform, long fromRequest, Duration lasting, @Nullable Duration retryAfter) {

  private static final Pattern TEXT =
      Pattern.compile("([a-zA-Z]+):(\\d{1,9}):([^:]+)(?::retry-after=(.+))?");

  /**
   * A validated throttle.
   *
   * @throws InvalidInputException naming the value out of range
   */
  public DemoThrottle {
    if (fromRequest < 1) {
      throw new InvalidInputException(
          "a demo throttle starts at request 1 or later, got " + fromRequest);
    }
    if (lasting.isNegative() || lasting.isZero()) {
      throw new InvalidInputException("a demo throttle must last a positive time, got " + lasting);
    }
  }

  /**
   * Parses {@code PLATFORM:FROM:DURATION[:retry-after=DURATION]}, such as {@code instagram:20:30s}.
   *
   * @param text the option as typed
   * @param durations reads a duration such as {@code 30s} or {@code 2m}
   * @throws InvalidInputException naming the text and the expected form
   */
  public static DemoThrottle parse(String text, Function<String, Duration> durations) {
    Matcher matcher = TEXT.matcher(text.strip());
    if (!matcher.matches()) {
      throw new InvalidInputException(
          "demo throttle "
              + InvalidInputException.quoted(text)
              + " is not of the form PLATFORM:FROM_REQUEST:DURATION[:retry-after=DURATION], such"
              + " as instagram:20:30s");
    }
    Duration retryAfter = matcher.group(4) == null ? null : durations.apply(matcher.group(4));
    return new DemoThrottle(
        Platform.parse(matcher.group(1)),
        Long.parseLong(matcher.group(2)),
        durations.apply(matcher.group(3)),
        retryAfter);
  }

  Running fresh() {
    return new Running(this);
  }

  /** A throttle being played: counts requests and remembers when its first 429 went out. */
  static final class Running {
    private final DemoThrottle throttle;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong firstThrottleNanos = new AtomicLong(Long.MIN_VALUE);

    private Running(DemoThrottle throttle) {
      this.throttle = throttle;
    }

    Platform platform() {
      return throttle.platform();
    }

    Optional<Duration> retryAfter() {
      return Optional.ofNullable(throttle.retryAfter());
    }

    /** Counts a profile request and says whether it gets a 429. */
    boolean throttlesNext() {
      if (requests.incrementAndGet() < throttle.fromRequest()) {
        return false;
      }
      // A monotonic timer, not a clock: the demo platform plays a real server's own behaviour.
      long now = System.nanoTime();
      firstThrottleNanos.compareAndSet(Long.MIN_VALUE, now);
      return now - firstThrottleNanos.get() < throttle.lasting().toNanos();
    }
  }
}
