package io.rescrape.example.cli;

import io.rescrape.core.domain.CycleDay;
import io.rescrape.core.service.ScheduleReport;
import io.rescrape.example.AppEnvironment;
import io.rescrape.example.output.Json;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/** Shows how creators spread over the week and how many are due today and tomorrow. */
@Command(
    name = "plan",
    description = "Show creators per weekday, the total, the daily average, and who is due.")
final class PlanCommand extends EnvironmentCommand {

  @Override
  int run(AppEnvironment environment) {
    ScheduleReport report = environment.rescrape().schedule().report();
    long gone = environment.rescrape().creators().countGone();
    if (common.json()) {
      Json.print(out(), view(report, gone));
    } else {
      print(report, gone, out());
    }
    return ExitCodes.OK;
  }

  private static void print(ScheduleReport report, long gone, PrintWriter out) {
    out.printf("Schedule on %s%n", report.today());
    for (Map.Entry<CycleDay, Long> day : report.perDay().entrySet()) {
      out.printf(
          "  %-4s %,8d%s%n",
          report.cycle().label(day.getKey()),
          day.getValue(),
          report.isActive(day.getKey()) ? "" : "  (rest day)");
    }
    out.printf("  Total %,7d%n", report.total());
    out.printf("Daily average: %,.1f per active day%n", report.dailyAverage());
    out.printf("Due today:     %,d%n", report.dueToday());
    out.printf("Due tomorrow:  %,d%n", report.dueTomorrow());
    if (gone > 0) {
      out.printf("Gone:          %,d (not found on repeated job dates; off the schedule)%n", gone);
    }
    out.flush();
  }

  private static PlanView view(ScheduleReport report, long gone) {
    Map<String, Long> perDay = new LinkedHashMap<>();
    report.perDay().forEach((day, count) -> perDay.put(report.cycle().label(day), count));
    List<String> restDays =
        report.perDay().keySet().stream()
            .filter(day -> !report.isActive(day))
            .map(day -> report.cycle().label(day))
            .toList();
    return new PlanView(
        report.today(),
        perDay,
        restDays,
        report.total(),
        report.dailyAverage(),
        report.dueToday(),
        report.dueTomorrow(),
        gone);
  }

  /**
   * The plan as JSON.
   *
   * @param today the date it was made for
   * @param perDay creators per weekday label, in cycle order
   * @param restDays weekdays without planned load
   * @param total every creator
   * @param dailyAverage creators per active day
   * @param dueToday due in today's job
   * @param dueTomorrow scheduled for tomorrow
   * @param gone creators marked gone, not counted in the other figures
   */
  record PlanView(
      LocalDate today,
      Map<String, Long> perDay,
      List<String> restDays,
      long total,
      double dailyAverage,
      long dueToday,
      long dueTomorrow,
      long gone) {}
}
