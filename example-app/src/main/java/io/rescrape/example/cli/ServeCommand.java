package io.rescrape.example.cli;

import io.rescrape.core.Rescrape;
import io.rescrape.example.AppEnvironment;
import picocli.CommandLine.Command;

/** Runs the daily trigger and a job worker until the process is stopped. */
@Command(
    name = "serve",
    description =
        "Run the daily trigger (09:00 UTC) and a worker until stopped; a job running at SIGTERM"
            + " is interrupted cleanly and resumes on the next start.")
final class ServeCommand extends EnvironmentCommand {

  @Override
  boolean scrapes() {
    return true;
  }

  @Override
  int run(AppEnvironment environment) {
    Rescrape rescrape = environment.rescrape();
    rescrape.start();
    out()
        .printf(
            "Serving: the next daily job is created at %s; press Ctrl-C to stop.%n",
            rescrape.trigger().nextFireTime());
    out().flush();
    environment.awaitStop();
    return ExitCodes.OK;
  }
}
