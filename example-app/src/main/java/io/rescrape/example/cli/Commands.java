package io.rescrape.example.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code rescrape} command and its subcommands. */
@Command(
    name = "rescrape",
    mixinStandardHelpOptions = true,
    scope = CommandLine.ScopeType.INHERIT,
    version = "rescrape 0.1.0",
    description = "Keeps Instagram and TikTok creator profiles fresh, one weekday at a time.",
    subcommands = {
      ServeCommand.class,
      RunDailyCommand.class,
      PlanCommand.class,
      ImportCommand.class,
      RebalanceCommand.class,
      ResumeCommand.class,
      RetryFailedCommand.class,
      JobsCommand.class,
      HistoryCommand.class,
      ProbeCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Commands implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** A command line for {@code rescrape} with every subcommand. */
  public static CommandLine commandLine() {
    return new CommandLine(new Commands());
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }
}
