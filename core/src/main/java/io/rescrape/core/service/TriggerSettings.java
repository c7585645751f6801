package io.rescrape.core.service;

import io.rescrape.core.domain.InvalidInputException;
import java.time.Duration;

/**
 * How the daily trigger behaves around failures and sleep.
 *
 * @param retryDelay the wait before trying again when creating the job failed; default 1 min
 * @param maxSleep the longest the trigger sleeps before looking at the clock again, which bounds
 *     how late a wall-clock jump can make it; default 1 min
 * @param missedLookbackDays how far back missed dates are reported at start-up; default 7
 */
public record TriggerSettings(Duration retryDelay, Duration maxSleep, int missedLookbackDays) {

  /**
   * Validated settings.
   *
   * @param retryDelay positive
   * @param maxSleep positive
   * @param missedLookbackDays from 0 to 366; 0 reports none at start-up
   * @throws InvalidInputException when a value is out of range
   */
  public TriggerSettings {
    if (retryDelay.isNegative() || retryDelay.isZero()) {
      throw new InvalidInputException("trigger retryDelay must be positive, got " + retryDelay);
    }
    if (maxSleep.isNegative() || maxSleep.isZero()) {
      throw new InvalidInputException("trigger maxSleep must be positive, got " + maxSleep);
    }
    if (missedLookbackDays < 0 || missedLookbackDays > 366) {
      throw new InvalidInputException(
          "missedLookbackDays must be between 0 and 366, got " + missedLookbackDays);
    }
  }

  /** {@return the defaults: retry after 1 min, sleep at most 1 min, look back 7 days} */
  public static TriggerSettings defaults() {
    return new TriggerSettings(Duration.ofMinutes(1), Duration.ofMinutes(1), 7);
  }
}
