package io.rescrape.example.cli;

import io.rescrape.core.Rescrape;
import io.rescrape.example.AppEnvironment;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/** Runs the daily trigger and a job worker until the process is stopped. */
@Command(
    name = "serve",
    description =
        "Run the daily trigger (09:00 UTC) and a worker until stopped; a job running at SIGTERM"
            + " is interrupted cleanly and resumes on the next start.")
final class ServeCommand extends EnvironmentCommand {

  @Override
  int run(AppEnvironment environment) {
    // Not a static field: logging is configured only once the command line is parsed.
    Logger log = LoggerFactory.getLogger(ServeCommand.class);
    Rescrape rescrape = environment.rescrape();
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              log.info("Stop requested; interrupting the running job, if any, and shutting down");
              rescrape.close();
              stopped.countDown();
            },
            "rescrape-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    rescrape.start();
    out()
        .printf(
            "Serving: the daily job is created at %s; press Ctrl-C to stop.%n",
            rescrape.trigger().nextFireTime());
    out().flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return ExitCodes.OK;
  }
}
