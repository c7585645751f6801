package io.rescrape.example.cli;

import io.rescrape.core.Rescrape;
import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.DailyJobCreation;
import io.rescrape.example.AppEnvironment;
import io.rescrape.example.output.Json;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Map;
import picocli.CommandLine.Command;

/** Creates today's daily job, or reuses it, and processes it to the end. */
@Command(
    name = "run-daily",
    description = "Create or reuse today's daily job and process it to the end.")
final class RunDailyCommand extends EnvironmentCommand {

  @Override
  boolean scrapes() {
    return true;
  }

  @Override
  int run(AppEnvironment environment) {
    Rescrape rescrape = environment.rescrape();
    LocalDate today = rescrape.policy().dateOf(environment.clock().instant());
    DailyJobCreation creation = rescrape.planner().planDay(today);
    PrintWriter out = out();
    if (creation.isNothingDue()) {
      if (common.json()) {
        Json.print(out, Map.of("date", today, "job", "none", "reason", "no creator is due"));
      } else {
        out.printf("No creator is due on %s; no daily job created.%n", today);
      }
      return ExitCodes.OK;
    }
    DailyJob job = creation.job();
    if (!common.json()) {
      out.printf(
          "%s job %d: %s%n",
          creation.created() ? "Created" : "Reusing " + job.status(),
          job.id().value(),
          job.description());
      out.flush();
    }
    return JobProcessing.runToEnd(rescrape, job, common, out);
  }
}
