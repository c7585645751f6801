package io.rescrape.example;

import io.rescrape.core.domain.InvalidInputException;
import io.rescrape.core.domain.JobStateException;
import io.rescrape.core.domain.NotFoundException;
import io.rescrape.core.domain.RescrapeException;
import io.rescrape.example.cli.Commands;
import io.rescrape.example.cli.ExitCodes;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The example service and CLI. Each subcommand is one feature of Rescrape, wired in {@link
 * AppEnvironment}:
 *
 * <ul>
 *   <li>{@code serve}: the 09:00 UTC trigger plus a worker, the way a production instance runs;
 *   <li>{@code run-daily}: create or reuse today's job and process it in the foreground;
 *   <li>{@code plan}, {@code jobs}: what the on-call engineer looks at;
 *   <li>{@code import}, {@code rebalance}: managing creators and their spread;
 *   <li>{@code resume}, {@code retry-failed}: recovering after a failure.
 * </ul>
 */
public final class RescrapeApp {

  private static final String MAX_REQUEST_SECONDS = "sun.net.httpserver.maxReqTime";

  private RescrapeApp() {}

  public static void main(String[] args) {
    // The JDK's HTTP server (the demo platform) otherwise waits forever for a client that
    // never finishes its request; this must be set before the first server starts.
    if (System.getProperty(MAX_REQUEST_SECONDS) == null) {
      System.setProperty(MAX_REQUEST_SECONDS, "5");
    }
    System.exit(execute(new PrintWriter(System.out), new PrintWriter(System.err), args));
  }

  /** Runs one command line, printing to the given writers; returns the exit code. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = Commands.commandLine();
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionStrategy(RescrapeApp::configureLoggingThenRun);
    commandLine.setExecutionExceptionHandler(RescrapeApp::reportError);
    return commandLine.execute(args);
  }

  /** Logging starts only now, so that it can write its file into the chosen data directory. */
  private static int configureLoggingThenRun(ParseResult parseResult) {
    ParseResult command = parseResult.subcommand();
    if (command != null && !command.isUsageHelpRequested() && !command.isVersionHelpRequested()) {
      Path dataDir = command.matchedOptionValue("--data-dir", Path.of("rescrape-data"));
      String problem = DataDirectory.problemWith(dataDir);
      if (problem != null) {
        PrintWriter err = parseResult.commandSpec().commandLine().getErr();
        err.println("error: " + problem);
        err.flush();
        return ExitCodes.USAGE;
      }
      System.setProperty("rescrape.log.file", dataDir.resolve("rescrape.log").toString());
      if (command.commandSpec().name().equals("serve")) {
        System.setProperty("rescrape.console.level", "INFO");
      }
    }
    return new CommandLine.RunLast().execute(parseResult);
  }

  private static int reportError(Exception e, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    err.println("error: " + e.getMessage());
    err.flush();
    if (e instanceof InvalidInputException
        || e instanceof NotFoundException
        || e instanceof JobStateException) {
      return ExitCodes.USAGE;
    }
    if (!(e instanceof RescrapeException)) {
      org.slf4j.LoggerFactory.getLogger(RescrapeApp.class).error("Command failed", e);
    }
    return ExitCodes.ERROR;
  }
}
