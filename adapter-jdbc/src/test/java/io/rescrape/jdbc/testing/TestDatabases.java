package io.rescrape.jdbc.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.rescrape.jdbc.SqlDialect;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Where tests find their databases. PostgreSQL is the server {@value #POSTGRES_URL_VARIABLE} names
 * (a JDBC URL with user, as CI sets it), or else an embedded PostgreSQL started once per test JVM.
 * H2 runs in memory.
 */
public final class TestDatabases {

  /** Points the tests at a running PostgreSQL instead of an embedded one. */
  public static final String POSTGRES_URL_VARIABLE = "RESCRAPE_TEST_POSTGRES_URL";

  private static String postgresUrl;

  private TestDatabases() {}

  /** A fresh schema on the test PostgreSQL, with a pool of {@code connections}. */
  public static TestDatabase postgres(int connections) {
    String url = postgresUrl();
    String schema = "rescrape_test_" + UUID.randomUUID().toString().replace("-", "");
    execute(url, "CREATE SCHEMA " + schema);
    HikariConfig config = pool(url, connections);
    config.setSchema(schema);
    return new TestDatabase(
        new HikariDataSource(config),
        SqlDialect.POSTGRESQL,
        () -> execute(url, "DROP SCHEMA " + schema + " CASCADE"));
  }

  /**
   * A fresh, empty schema on the test PostgreSQL, for code that builds its own connections from a
   * JDBC URL. Closing it drops the schema.
   */
  public static PostgresSchema postgresSchema() {
    String url = postgresUrl();
    String schema = "rescrape_test_" + UUID.randomUUID().toString().replace("-", "");
    execute(url, "CREATE SCHEMA " + schema);
    String separator = url.contains("?") ? "&" : "?";
    return new PostgresSchema(
        url + separator + "currentSchema=" + schema,
        () -> execute(url, "DROP SCHEMA " + schema + " CASCADE"));
  }

  /**
   * A schema of its own on the test PostgreSQL.
   *
   * @param jdbcUrl a URL whose connections use that schema
   * @param dropper drops the schema
   */
  public record PostgresSchema(String jdbcUrl, Runnable dropper) implements AutoCloseable {
    @Override
    public void close() {
      dropper.run();
    }
  }

  /** A fresh in-memory H2 database, with a pool of {@code connections}. */
  public static TestDatabase h2(int connections) {
    String url =
        "jdbc:h2:mem:rescrape-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
    return new TestDatabase(
        new HikariDataSource(pool(url, connections)),
        SqlDialect.H2,
        () -> execute(url, "SHUTDOWN"));
  }

  /** The JDBC URL of the test PostgreSQL, starting the embedded one on first use. */
  public static synchronized String postgresUrl() {
    if (postgresUrl == null) {
      String configured = System.getenv(POSTGRES_URL_VARIABLE);
      postgresUrl = configured != null && !configured.isBlank() ? configured : startEmbedded();
    }
    return postgresUrl;
  }

  private static String startEmbedded() {
    try {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(postgres)));
      return postgres.getJdbcUrl("postgres", "postgres");
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not start an embedded PostgreSQL; set "
              + POSTGRES_URL_VARIABLE
              + " to use a running server",
          e);
    }
  }

  private static HikariConfig pool(String url, int connections) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(connections);
    config.setPoolName("rescrape-test");
    return config;
  }

  private static void execute(String url, String sql) {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("could not run '" + sql + "' on " + url, e);
    }
  }

  private static void closeQuietly(EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (IOException e) {
      // the JVM is exiting; the temporary data directory goes with it
    }
  }
}
