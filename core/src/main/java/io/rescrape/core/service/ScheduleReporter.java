package io.rescrape.core.service;

import io.rescrape.core.domain.SchedulePolicy;
import io.rescrape.core.port.CreatorStore;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;

/** Reports how creators spread over the cycle and how many are due today and tomorrow. */
public final class ScheduleReporter {

  private final CreatorStore creators;
  private final SchedulePolicy policy;
  private final Clock clock;

  /**
   * A reporter over a creator store.
   *
   * @param creators where creators and their schedule are stored
   * @param policy the cycle and active days
   * @param clock decides what "today" and "tomorrow" are
   */
  @Inject
  public ScheduleReporter(CreatorStore creators, SchedulePolicy policy, Clock clock) {
    this.creators = creators;
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * {@return the schedule as it stands now} The store counts; no creator is read into memory.
   *
   * @throws io.rescrape.core.domain.InvalidInputException when creators sit on a day outside the
   *     configured cycle
   */
  public ScheduleReport report() {
    LocalDate today = policy.dateOf(clock.instant());
    var perDay = policy.loadsOnEveryDay(creators.countByDay());
    long total = perDay.values().stream().mapToLong(Long::longValue).sum();
    return new ScheduleReport(
        today,
        policy.cycle(),
        perDay,
        new ArrayList<>(policy.activeDays()),
        total,
        creators.countDueOn(today),
        creators.countScheduledFor(today.plusDays(1)));
  }
}
