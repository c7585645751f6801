package io.rescrape.example.cli;

import io.rescrape.core.Rescrape;
import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.JobStatus;
import io.rescrape.example.output.JobView;
import io.rescrape.example.output.Json;
import io.rescrape.example.output.ProgressBar;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a job to its end in the foreground, the way run-daily, resume and retry-failed do: live
 * progress while it runs, a summary when it stops, and a clean interruption on Ctrl-C or SIGTERM
 * that leaves the job resumable.
 */
final class JobProcessing {

  private JobProcessing() {}

  static int runToEnd(Rescrape rescrape, DailyJob job, CommonOptions common, PrintWriter out) {
    if (job.status().isTerminal()) {
      return report(rescrape, job, common, out);
    }
    // On Ctrl-C or SIGTERM the hook stops the runner, then waits for the summary to be printed.
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook = new Thread(() -> stopGracefully(rescrape, finished), "rescrape-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      boolean interactive = System.console() != null && !common.json();
      try (ProgressBar bar = progressBar(rescrape, job, interactive, common, out)) {
        rescrape.runner().run(job.id());
      }
      return report(rescrape, rescrape.jobs().get(job.id()), common, out);
    } finally {
      finished.countDown();
      removeHook(hook);
    }
  }

  static int report(Rescrape rescrape, DailyJob job, CommonOptions common, PrintWriter out) {
    JobView view = JobView.of(job, rescrape.jobs());
    if (common.json()) {
      Json.print(out, view);
    } else {
      view.printSummary(out);
      if (job.status() != JobStatus.COMPLETED && !job.status().isTerminal()) {
        out.printf("Resume it with: rescrape resume %d%n", job.id().value());
        out.flush();
      }
    }
    return job.status() == JobStatus.COMPLETED ? ExitCodes.OK : ExitCodes.JOB_NOT_COMPLETED;
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

  private static void stopGracefully(Rescrape rescrape, CountDownLatch finished) {
    rescrape.runner().stop();
    try {
      finished.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down; the hook is running and waits for us
    }
  }
}
