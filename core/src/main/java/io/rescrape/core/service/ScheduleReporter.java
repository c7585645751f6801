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

  @Inject
  public ScheduleReporter(CreatorStore creators, SchedulePolicy policy, Clock clock) {
    this.creators = creators;
    this.policy = policy;
    this.clock = clock;
  }

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
