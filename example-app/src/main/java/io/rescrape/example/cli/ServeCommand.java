package io.rescrape.example.cli;

import io.rescrape.core.Rescrape;
import io.rescrape.core.domain.InvalidInputException;
import io.rescrape.example.AppEnvironment;
import io.rescrape.example.WebService;
import io.rescrape.web.ApiToken;
import io.rescrape.web.RescrapeWebServer;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the daily trigger and a job worker until the process is stopped, with the API if asked. */
@Command(
    name = "serve",
    description =
        "Run the daily trigger (09:00 UTC) and a worker until stopped. Several instances on one"
            + " database share the running job; a job running at SIGTERM is interrupted cleanly"
            + " and resumes on the next start. With --port, serve the dashboard, the JSON API,"
            + " /health and /metrics; changes through the API need the token from"
            + " RESCRAPE_API_TOKEN or --api-token-file.")
final class ServeCommand extends EnvironmentCommand {

  /** The environment variable that holds the API token. */
  static final String TOKEN_VARIABLE = "RESCRAPE_API_TOKEN";

  @Option(
      names = "--port",
      paramLabel = "P",
      description =
          "Serve the dashboard, the API, /health and /metrics on HOST:P (0 for any free port;"
              + " default: no HTTP).")
  Integer port;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      description =
          "The address --port binds (default: ${DEFAULT-VALUE}). Anything else exposes the"
              + " dashboard and the reads to the network.",
      defaultValue = "127.0.0.1")
  String host;

  @Option(
      names = "--api-token-file",
      paramLabel = "FILE",
      description =
          "Read the API token from FILE instead of the RESCRAPE_API_TOKEN variable. Without"
              + " either, the API serves reads only.")
  Path tokenFile;

  private @Nullable ApiToken token;

  @Override
  boolean scrapes() {
    return true;
  }

  @Override
  void validateCommandOptions() {
    if (port != null && (port < 0 || port > 65_535)) {
      throw new InvalidInputException("--port must be between 0 and 65535, got " + port);
    }
    if (host.isBlank()) {
      throw new InvalidInputException("--host is blank");
    }
    token = token(System.getenv(TOKEN_VARIABLE));
  }

  private @Nullable ApiToken token(@Nullable String variable) {
    boolean fromVariable = variable != null;
    if (fromVariable && tokenFile != null) {
      throw new InvalidInputException(
          TOKEN_VARIABLE + " and --api-token-file are both set; use one of them");
    }
    if (tokenFile != null) {
      return ApiToken.readFrom(tokenFile);
    }
    if (!fromVariable) {
      return null;
    }
    try {
      return ApiToken.of(variable); // an empty variable is refused: it is a mistake, not "off"
    } catch (InvalidInputException e) {
      throw new InvalidInputException(TOKEN_VARIABLE + ": " + e.getMessage());
    }
  }

  @Override
  int run(AppEnvironment environment) {
    Rescrape rescrape = environment.rescrape();
    try (RescrapeWebServer web =
        port == null ? null : WebService.start(environment, host, port, token)) {
      rescrape.trigger().arm(); // here, not on the trigger's thread: the banner tells its time
      rescrape.start();
      out()
          .printf(
              "Serving as instance %s: the next daily job is created at %s; press Ctrl-C to stop.%n",
              rescrape.runner().instanceId(), rescrape.trigger().nextFireTime());
      if (web != null) {
        out().printf("Dashboard and API at %s (health at %shealth)%n", web.uri(), web.uri());
        out()
            .println(
                token == null
                    ? "Changes through the API are disabled: set "
                        + TOKEN_VARIABLE
                        + " or --api-token-file to allow them."
                    : "Changes through the API need the bearer token with fingerprint "
                        + token.fingerprint()
                        + ".");
      }
      out().flush();
      environment.awaitStop();
    }
    return ExitCodes.OK;
  }
}
