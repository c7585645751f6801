package io.rescrape.example.cli;

import io.rescrape.core.service.JobControl;
import io.rescrape.example.AppEnvironment;
import io.rescrape.example.output.JobView;
import io.rescrape.example.output.Json;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Lists the most recent daily jobs. */
@Command(name = "jobs", description = "List the most recent daily jobs, newest first.")
final class JobsCommand extends EnvironmentCommand {

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "How many jobs to list, 1 to 1000 (default: ${DEFAULT-VALUE}).",
      defaultValue = "20")
  int limit;

  @Override
  int run(AppEnvironment environment) {
    if (limit < 1 || limit > 1_000) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--limit must be between 1 and 1000, got " + limit);
    }
    JobControl jobs = environment.rescrape().jobs();
    List<JobView> views = jobs.recent(limit).stream().map(job -> JobView.of(job, jobs)).toList();
    if (common.json()) {
      Json.print(out(), views);
    } else {
      print(views, out());
    }
    return ExitCodes.OK;
  }

  private static void print(List<JobView> views, PrintWriter out) {
    if (views.isEmpty()) {
      out.println("No daily job yet.");
      out.flush();
      return;
    }
    out.printf(
        "%6s  %-10s  %-11s  %7s  %9s  %6s  %7s  %-20s%n",
        "ID", "DATE", "STATUS", "TOTAL", "SUCCEEDED", "FAILED", "PENDING", "FINISHED");
    for (JobView job : views) {
      out.printf(
          "%6d  %-10s  %-11s  %7d  %9d  %6d  %7d  %-20s%n",
          job.id(),
          job.date(),
          job.status(),
          job.total(),
          job.succeeded(),
          job.failed(),
          job.pending(),
          job.finishedAt() == null ? "-" : job.finishedAt().toString());
    }
    out.flush();
  }
}
