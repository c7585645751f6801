package io.rescrape.example.cli;

import io.rescrape.core.Rescrape;
import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.JobId;
import io.rescrape.example.AppEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Reprocesses exactly the failed creators of a stopped job. */
@Command(
    name = "retry-failed",
    description = "Reprocess exactly the failed creators of a job, with fresh attempts.")
final class RetryFailedCommand extends EnvironmentCommand {

  @Parameters(paramLabel = "JOB", description = "The job id.")
  String job;

  @Override
  boolean scrapes() {
    return true;
  }

  @Override
  int run(AppEnvironment environment) {
    Rescrape rescrape = environment.rescrape();
    JobId id = JobId.parse(job);
    long reopened = rescrape.jobs().retryFailed(id);
    DailyJob target = rescrape.jobs().get(id);
    if (!common.json()) {
      out().printf("Job %d: %d failed creators reopened%n", id.value(), reopened);
    }
    return JobProcessing.runToEnd(rescrape, target, common, out());
  }
}
