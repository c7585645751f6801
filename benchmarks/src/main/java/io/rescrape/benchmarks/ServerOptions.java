package io.rescrape.benchmarks;

import picocli.CommandLine.Option;

/** Where the servers are: this machine's PostgreSQL and Redis unless told otherwise. */
final class ServerOptions {

  @Option(
      names = "--postgres-url",
      paramLabel = "JDBC_URL",
      defaultValue = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres",
      description =
          "PostgreSQL to run on, as a JDBC URL with its user; each run creates a schema of its own"
              + " there and drops it at the end (default: ${DEFAULT-VALUE})")
  String postgresUrl;

  @Option(
      names = "--redis-url",
      paramLabel = "URL",
      defaultValue = "redis://127.0.0.1:6379",
      description =
          "Redis to dispatch through; each run uses a key prefix of its own and deletes its keys at"
              + " the end (default: ${DEFAULT-VALUE})")
  String redisUrl;

  @Option(
      names = "--pool-size",
      paramLabel = "N",
      defaultValue = "10",
      description =
          "connections in the HikariCP pool, the same for every scheduler measured (default:"
              + " ${DEFAULT-VALUE}, as in the example service)")
  int poolSize;
}
