package io.rescrape.benchmarks;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The entry point of {@code benchmarks.jar}: one subcommand per benchmark. */
@Command(
    name = "benchmarks.jar",
    mixinStandardHelpOptions = true,
    description = {
      "Measures Rescrape on a real PostgreSQL and Redis, side by side with db-scheduler.",
      "Each benchmark prints its progress and ends with one 'RESULT <name> key=value ...' line."
    },
    subcommands = {
      DrainCommand.class,
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
    System.exit(new CommandLine(new Benchmarks()).execute(args));
  }
}
