package io.rescrape.benchmarks;

import io.rescrape.jdbc.testing.TestDatabases;
import io.rescrape.redis.testing.RedisServers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/**
 * One benchmark run in this JVM against the test servers, with what it printed and its {@code
 * RESULT} line read back into keys and values.
 *
 * @param exitCode what {@code main} would have exited with
 * @param out what it printed on stdout
 * @param err what it printed on stderr
 */
record BenchmarkRun(int exitCode, String out, String err) {

  /** Runs a subcommand with its options, pointed at the test PostgreSQL and Redis. */
  static BenchmarkRun of(String... args) {
    List<String> withServers = new ArrayList<>(Arrays.asList(args));
    withServers.add("--postgres-url=" + TestDatabases.postgresUrl());
    withServers.add("--redis-url=" + RedisServers.sharedUrl());
    return exactly(withServers.toArray(String[]::new));
  }

  /**
   * Runs the command line as given. What goes to {@code System.err}, such as the log and the output
   * of instances it starts, is caught with the command line's own errors.
   */
  static synchronized BenchmarkRun exactly(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(errors);
    try {
      CommandLine commandLine = Benchmarks.commandLine();
      commandLine.setErr(new PrintWriter(errors, true));
      int exitCode = commandLine.execute(args);
      BenchmarkRun run =
          new BenchmarkRun(
              exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
      stdout.print(run.out()); // into the test report
      return run;
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
  }

  /** {@return the values of the {@code RESULT <name>} line, in order; empty when none} */
  Optional<Map<String, String>> result(String name) {
    String prefix = "RESULT " + name + " ";
    return out.lines()
        .filter(line -> line.startsWith(prefix))
        .reduce((first, last) -> last)
        .map(
            line -> {
              Map<String, String> values = new LinkedHashMap<>();
              for (String pair : line.substring(prefix.length()).split(" ")) {
                String[] keyValue = pair.split("=", 2);
                values.put(keyValue[0], keyValue[1]);
              }
              return values;
            });
  }
}
