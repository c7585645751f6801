package io.rescrape.benchmarks;

import io.rescrape.core.domain.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The entry point of {@code benchmarks.jar}: one subcommand per benchmark. */
@Command(
    name = "benchmarks.jar",
    mixinStandardHelpOptions = true,
    version = "Rescrape benchmarks 0.1.0",
    description = {
      "Measures Rescrape on a real PostgreSQL and Redis: side by side with db-scheduler, or",
      "against the bound its settings set.",
      "Each benchmark prints its progress and ends with one 'RESULT <name> key=value ...' line."
    },
    subcommands = {
      DrainCommand.class,
      PlanCommand.class,
      LatencyCommand.class,
      TriggerCommand.class,
      ScaleCommand.class,
      ScaleWorkerCommand.class,
    })
public final class Benchmarks {

  private Benchmarks() {}

  /**
   * Runs one benchmark.
   *
   * @param args the subcommand and its options; {@code --help} lists them
   */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * The command line, with an error handler that prints what went wrong in one line for the
   * failures a user can fix (bad options, unreachable servers) and exits with 2.
   */
  static CommandLine commandLine() {
    return new CommandLine(new Benchmarks())
        .setParameterExceptionHandler(
            (exception, args) -> {
              CommandLine commandLine = exception.getCommandLine();
              commandLine.getErr().println(exception.getMessage());
              commandLine
                  .getErr()
                  .println(
                      "Run 'java -jar "
                          + commandLine.getCommandSpec().qualifiedName(" ")
                          + " --help' for its options.");
              return 2;
            })
        .setExecutionExceptionHandler(
            (exception, commandLine, parseResult) -> {
              if (CleanupOnExit.exiting()) {
                return 130; // interrupted: the cleanup at exit has said what it removes
              }
              if (exception instanceof BenchmarkException || exception instanceof StoreException) {
                commandLine.getErr().println("benchmark failed: " + exception.getMessage());
                return 2;
              }
              throw exception;
            });
  }
}
