package io.rescrape.example.cli;

import io.rescrape.core.Rescrape;
import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.JobId;
import io.rescrape.core.domain.JobStateException;
import io.rescrape.example.AppEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Resumes an interrupted, failed or abandoned job; only the creators not done are scraped. */
@Command(
    name = "resume",
    description =
        "Resume an interrupted or failed job, or take over one whose instance died; only the"
            + " creators not yet done are scraped.")
final class ResumeCommand extends EnvironmentCommand {

  @Parameters(paramLabel = "JOB", description = "The job id.")
  String job;

  @Override
  boolean scrapes() {
    return true;
  }

  @Override
  int run(AppEnvironment environment) {
    Rescrape rescrape = environment.rescrape();
    DailyJob target = rescrape.jobs().get(JobId.parse(job));
    if (target.lease() != null && !target.isAbandonedAt(environment.clock().instant())) {
      throw new JobStateException(
          "job "
              + target.id()
              + " is running on instance "
              + target.lease().owner()
              + ", whose lease runs until "
              + target.lease().until()
              + "; if that instance is gone, any instance takes the job over once the lease"
              + " lapses: run resume again after that time");
    }
    if (target.status().isTerminal()) {
      throw new JobStateException(
          "job " + target.id() + " is " + target.status() + "; there is nothing to resume");
    }
    if (!common.json()) {
      out().printf("Resuming job %d: %s%n", target.id().value(), target.description());
    }
    return JobProcessing.runToEnd(rescrape, target, common, out());
  }
}
