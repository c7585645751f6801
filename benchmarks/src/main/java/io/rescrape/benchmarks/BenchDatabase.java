package io.rescrape.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.rescrape.jdbc.JdbcStores;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A schema of its own on the benchmark's PostgreSQL, migrated, behind a HikariCP pool; closing it
 * closes the pool and drops the schema with everything in it.
 */
final class BenchDatabase implements AutoCloseable {

  private static final int LOGIN_TIMEOUT_SECONDS = 10;

  private final String url;
  private final String schema;
  private final HikariDataSource dataSource;
  private final JdbcStores stores;

  /**
   * Drops an owned schema when the run is cut short (Ctrl-C), from the moment it exists, so no
   * benchmark data is left; null for a schema another process owns.
   */
  private final @Nullable CleanupOnExit dropOnExit;

  private BenchDatabase(
      String url,
      String schema,
      int poolSize,
      @Nullable CleanupOnExit dropOnExit,
      AtomicReference<@Nullable HikariDataSource> pool) {
    this.url = url;
    this.schema = schema;
    this.dropOnExit = dropOnExit;
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setSchema(schema);
    config.setMaximumPoolSize(poolSize);
    config.setPoolName("rescrape-bench");
    config.addDataSourceProperty("loginTimeout", LOGIN_TIMEOUT_SECONDS);
    config.addDataSourceProperty("connectTimeout", LOGIN_TIMEOUT_SECONDS);
    this.dataSource = new HikariDataSource(config);
    pool.set(dataSource);
    this.stores = JdbcStores.migrateAndCreate(dataSource);
  }

  /**
   * Creates a fresh schema and migrates it.
   *
   * @param servers where PostgreSQL is, and the pool size
   * @throws BenchmarkException when the URL is not PostgreSQL's or the server cannot be reached
   */
  static BenchDatabase create(ServerOptions servers) {
    String url = requirePostgres(servers.postgresUrl);
    String schema = newSchemaName();
    AtomicReference<@Nullable HikariDataSource> pool = new AtomicReference<>();
    CleanupOnExit dropOnExit =
        CleanupOnExit.register("schema " + schema, () -> drop(url, schema, pool.get()));
    try {
      execute(url, "CREATE SCHEMA " + schema);
      return new BenchDatabase(url, schema, servers.poolSize, dropOnExit, pool);
    } catch (RuntimeException e) {
      if (dropOnExit.cancel()) {
        dropQuietly(url, schema, pool.get(), e);
      }
      throw e;
    }
  }

  /** Opens a schema another process created and will drop. */
  static BenchDatabase attach(String url, String schema, int poolSize) {
    requireSchema(requirePostgres(url), schema);
    return new BenchDatabase(url, schema, poolSize, null, new AtomicReference<>());
  }

  private static String requirePostgres(String url) {
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new BenchmarkException(
          "--postgres-url must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db?user=...),"
              + " not '"
              + ServerOptions.masked(url)
              + "': the benchmarks run on PostgreSQL only");
    }
    return url;
  }

  String url() {
    return url;
  }

  String schema() {
    return schema;
  }

  DataSource dataSource() {
    return dataSource;
  }

  JdbcStores stores() {
    return stores;
  }

  /** Runs statements in one transaction, such as a seed or a table of another scheduler. */
  void execute(String... statements) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new BenchmarkException("could not run '" + statements[0] + "': " + e.getMessage(), e);
    }
  }

  /** Closes the pool, and drops the schema when this run created it. */
  @Override
  public void close() {
    if (dropOnExit == null) {
      dataSource.close();
    } else if (dropOnExit.cancel()) {
      drop(url, schema, dataSource);
    }
  }

  private static void drop(String url, String schema, @Nullable HikariDataSource pool) {
    if (pool != null) {
      pool.close();
    }
    execute(url, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  private static void dropQuietly(
      String url, String schema, @Nullable HikariDataSource pool, RuntimeException cause) {
    try {
      drop(url, schema, pool);
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  private static String newSchemaName() {
    byte[] random = new byte[6];
    new SecureRandom().nextBytes(random);
    return "rescrape_bench_" + HexFormat.of().formatHex(random);
  }

  /**
   * Migrating would create a missing schema, and one attached to is never dropped: a schema its
   * creator already dropped would be left behind.
   */
  private static void requireSchema(String url, String schema) {
    try (Connection connection = connect(url);
        PreparedStatement statement =
            connection.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
      statement.setString(1, schema);
      try (ResultSet found = statement.executeQuery()) {
        if (!found.next()) {
          throw new BenchmarkException(
              "schema "
                  + schema
                  + " does not exist on "
                  + ServerOptions.masked(url)
                  + "; nothing to attach to");
        }
      }
    } catch (SQLException e) {
      throw new BenchmarkException(
          "could not look for schema "
              + schema
              + " on "
              + ServerOptions.masked(url)
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /**
   * A connection that gives up after {@value #LOGIN_TIMEOUT_SECONDS} s: a URL naming a port where
   * something else listens would otherwise wait for PostgreSQL's answer forever.
   */
  private static Connection connect(String url) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("loginTimeout", Integer.toString(LOGIN_TIMEOUT_SECONDS));
    properties.setProperty("connectTimeout", Integer.toString(LOGIN_TIMEOUT_SECONDS));
    return DriverManager.getConnection(url, properties);
  }

  private static void execute(String url, String sql) {
    try (Connection connection = connect(url);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new BenchmarkException(
          "could not run '" + sql + "' on " + ServerOptions.masked(url) + ": " + e.getMessage(), e);
    }
  }
}
