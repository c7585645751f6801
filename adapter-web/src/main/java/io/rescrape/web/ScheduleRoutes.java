package io.rescrape.web;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import io.rescrape.core.Rescrape;
import io.rescrape.core.domain.Cycle;
import io.rescrape.core.domain.CycleDay;
import io.rescrape.core.domain.RebalancePlan;
import io.rescrape.core.service.ScheduleReport;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The schedule at a glance, and rebalancing it. */
final class ScheduleRoutes {

  /** The body of {@code POST /rescraping/rebalance}; a dry run unless {@code apply} is true. */
  record RebalanceRequest(@Nullable Boolean apply) {
    static final RebalanceRequest DRY_RUN = new RebalanceRequest(false);

    boolean applies() {
      return Boolean.TRUE.equals(apply);
    }
  }

  /** One cycle day's load. */
  record DayView(String day, String label, long creators, boolean active) {}

  /** {@code GET /rescraping/schedule}. */
  record ScheduleView(
      LocalDate date,
      long totalCreators,
      long goneCreators,
      double dailyAverage,
      long dueToday,
      long dueTomorrow,
      List<String> activeDays,
      List<String> restDays,
      List<DayView> weekdays) {}

  /** One move of a rebalance. */
  record MoveView(String from, String to, long count) {}

  /** {@code POST /rescraping/rebalance}. */
  record RebalanceView(
      boolean applied,
      long movedCreators,
      List<MoveView> moves,
      List<DayView> before,
      List<DayView> after) {}

  private final Rescrape rescrape;
  private final Requests requests;
  private final ChangeLog changes;

  ScheduleRoutes(Rescrape rescrape, Requests requests, ChangeLog changes) {
    this.rescrape = rescrape;
    this.requests = requests;
    this.changes = changes;
  }

  void register(JavalinDefaultRouting router) {
    Reads.get(router, "/rescraping/schedule", this::schedule);
    router.post("/rescraping/rebalance", this::rebalance);
  }

  private void schedule(Context ctx) {
    ScheduleReport report = rescrape.schedule().report();
    Cycle cycle = report.cycle();
    ctx.json(
        new ScheduleView(
            report.today(),
            report.total(),
            rescrape.creators().countGone(),
            Math.round(report.dailyAverage() * 10) / 10.0,
            report.dueToday(),
            report.dueTomorrow(),
            report.activeDays().stream().map(day -> name(cycle, day)).toList(),
            cycle.days().stream()
                .filter(day -> !report.isActive(day))
                .map(day -> name(cycle, day))
                .toList(),
            days(cycle, report.perDay(), report.activeDays())));
  }

  private void rebalance(Context ctx) {
    RebalanceRequest request = requests.body(ctx, RebalanceRequest.class, RebalanceRequest.DRY_RUN);

    RebalancePlan plan =
        request.applies() ? rescrape.rebalancer().apply() : rescrape.rebalancer().plan();

    if (request.applies()) {
      changes.changed(ctx, "rebalance applied: %d creators moved", plan.movedCreators());
    }
    Cycle cycle = rescrape.policy().cycle();
    List<CycleDay> active = List.copyOf(rescrape.policy().activeDays());
    ctx.json(
        new RebalanceView(
            request.applies(),
            plan.movedCreators(),
            plan.moves().stream()
                .map(
                    move ->
                        new MoveView(
                            name(cycle, move.from()), name(cycle, move.to()), move.count()))
                .toList(),
            days(cycle, plan.before(), active),
            days(cycle, plan.after(), active)));
  }

  private static List<DayView> days(Cycle cycle, Map<CycleDay, Long> loads, List<CycleDay> active) {
    return cycle.days().stream()
        .map(
            day ->
                new DayView(
                    name(cycle, day),
                    cycle.label(day),
                    loads.getOrDefault(day, 0L),
                    active.contains(day)))
        .toList();
  }

  /** {@code MONDAY} to {@code SUNDAY} in a weekly cycle, else {@code DAY_1} and on. */
  static String name(Cycle cycle, CycleDay day) {
    return cycle.isWeekly() ? DayOfWeek.of(day.index() + 1).name() : "DAY_" + (day.index() + 1);
  }
}
