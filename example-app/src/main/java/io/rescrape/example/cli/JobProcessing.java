package io.rescrape.example.cli;

import io.rescrape.core.Rescrape;
import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.JobStatus;
import io.rescrape.example.output.JobView;
import io.rescrape.example.output.Json;
import io.rescrape.example.output.ProgressBar;
import java.io.PrintWriter;

/**
 * Runs a job to its end in the foreground, the way run-daily, resume and retry-failed do: live
 * progress while it runs and a summary when it stops. Ctrl-C or SIGTERM interrupt it cleanly (see
 * {@link EnvironmentCommand}), leaving it resumable.
 */
final class JobProcessing {

  private JobProcessing() {}

  static int runToEnd(Rescrape rescrape, DailyJob job, CommonOptions common, PrintWriter out) {
    if (job.status().isTerminal()) {
      return report(rescrape, job, common, out);
    }
    boolean interactive = System.console() != null && !common.json();
    try (ProgressBar bar = progressBar(rescrape, job, interactive, common, out)) {
      rescrape.runner().run(job.id());
    }
    return report(rescrape, rescrape.jobs().get(job.id()), common, out);
  }

  static int report(Rescrape rescrape, DailyJob job, CommonOptions common, PrintWriter out) {
    JobView view = JobView.of(job, rescrape.jobs());
    if (common.json()) {
      Json.print(out, view);
    } else {
      view.printSummary(out);
      printNextStep(job, out);
    }
    return job.status() == JobStatus.COMPLETED ? ExitCodes.OK : ExitCodes.JOB_NOT_COMPLETED;
  }

  private static void printNextStep(DailyJob job, PrintWriter out) {
    if (job.status() == JobStatus.INTERRUPTED || job.status() == JobStatus.FAILED) {
      out.printf("Resume it with: rescrape resume %d%n", job.id().value());
    } else if (job.status() == JobStatus.RUNNING && job.lease() != null) {
      out.printf("It is still running on instance %s.%n", job.lease().owner());
    }
    out.flush();
  }

  private static ProgressBar progressBar(
      Rescrape rescrape, DailyJob job, boolean interactive, CommonOptions common, PrintWriter out) {
    if (common.json()) {
      return new ProgressBar(
          new PrintWriter(PrintWriter.nullWriter()),
          false,
          () -> rescrape.jobs().progress(job.id()));
    }
    return new ProgressBar(out, interactive, () -> rescrape.jobs().progress(job.id())).start();
  }
}
