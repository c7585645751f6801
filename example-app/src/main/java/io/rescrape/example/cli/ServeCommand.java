package io.rescrape.example.cli;

import io.rescrape.core.Rescrape;
import io.rescrape.core.domain.InvalidInputException;
import io.rescrape.example.AppEnvironment;
import io.rescrape.example.HealthServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the daily trigger and a job worker until the process is stopped. */
@Command(
    name = "serve",
    description =
        "Run the daily trigger (09:00 UTC) and a worker until stopped. Several instances on one"
            + " database share the running job; a job running at SIGTERM is interrupted cleanly"
            + " and resumes on the next start.")
final class ServeCommand extends EnvironmentCommand {

  @Option(
      names = "--port",
      paramLabel = "P",
      description = "Serve GET /health on 127.0.0.1:P (0 for any free port; default: none).")
  Integer port;

  @Override
  boolean scrapes() {
    return true;
  }

  @Override
  void validateCommandOptions() {
    if (port != null && (port < 0 || port > 65_535)) {
      throw new InvalidInputException("--port must be between 0 and 65535, got " + port);
    }
  }

  @Override
  int run(AppEnvironment environment) {
    Rescrape rescrape = environment.rescrape();
    try (HealthServer health = port == null ? null : HealthServer.start(port, environment)) {
      rescrape.trigger().arm(); // here, not on the trigger's thread: the banner tells its time
      rescrape.start();
      out()
          .printf(
              "Serving as instance %s: the next daily job is created at %s%s; press Ctrl-C to stop.%n",
              rescrape.runner().instanceId(),
              rescrape.trigger().nextFireTime(),
              health == null ? "" : "; health at http://127.0.0.1:" + health.port() + "/health");
      out().flush();
      environment.awaitStop();
    }
    return ExitCodes.OK;
  }
}
