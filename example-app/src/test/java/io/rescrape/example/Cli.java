package io.rescrape.example;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the CLI in-process against one data directory, as a user would from a shell. */
final class Cli {

  static final String WEDNESDAY_NINE = "2025-08-27T09:00:00Z";

  private final Path dataDir;

  Cli(Path dataDir) {
    this.dataDir = dataDir;
  }

  /**
   * What one command printed.
   *
   * @param exitCode its exit code
   * @param out what it printed to standard output
   * @param err what it printed to standard error
   */
  record Result(int exitCode, String out, String err) {}

  Result run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--data-dir");
    all.add(dataDir.toString());
    return runExactly(all.toArray(String[]::new));
  }

  /** A demo command at Wednesday 09:00 with an instant demo platform. */
  Result demo(String command, String... more) {
    List<String> all =
        new ArrayList<>(List.of(command, "--demo", "--demo-latency", "0", "--now", WEDNESDAY_NINE));
    all.addAll(List.of(more));
    return run(all.toArray(String[]::new));
  }

  static Result runExactly(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = RescrapeApp.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }
}
