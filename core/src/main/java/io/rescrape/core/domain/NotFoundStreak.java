package io.rescrape.core.domain;

import java.time.LocalDate;

/**
 * The platform said a creator does not exist, in the jobs of {@code dates} different dates with no
 * visit since. Only answers of later job dates extend it, so a job that records the same answer
 * twice, or an older job retried, counts once.
 *
 * @param dates how many different job dates confirmed it, at least 1
 * @param firstOn the date of the first of those jobs
 * @param lastOn the date of the latest of those jobs
 */
public record NotFoundStreak(int dates, LocalDate firstOn, LocalDate lastOn) {

  /**
   * A validated streak.
   *
   * @param dates at least 1
   * @param firstOn on or before {@code lastOn}
   * @param lastOn on or after {@code firstOn}
   * @throws IllegalArgumentException when the values do not fit together
   */
  public NotFoundStreak {
    if (dates < 1 || firstOn.isAfter(lastOn)) {
      throw new IllegalArgumentException(
          "not a streak: " + dates + " dates from " + firstOn + " to " + lastOn);
    }
  }

  /**
   * {@return the streak a first NOT_FOUND starts}
   *
   * @param jobDate the date of the job that got the answer
   */
  public static NotFoundStreak startedOn(LocalDate jobDate) {
    return new NotFoundStreak(1, jobDate, jobDate);
  }

  /**
   * {@return this streak after another NOT_FOUND; longer only when {@code jobDate} is later than
   * its last date}
   *
   * @param jobDate the date of the job that got the answer
   */
  public NotFoundStreak confirmedOn(LocalDate jobDate) {
    return jobDate.isAfter(lastOn) ? new NotFoundStreak(dates + 1, firstOn, jobDate) : this;
  }
}
