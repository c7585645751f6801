package io.rescrape.jdbc.testing;

import com.zaxxer.hikari.HikariDataSource;
import io.rescrape.jdbc.JdbcStores;
import io.rescrape.jdbc.SqlDialect;
import javax.sql.DataSource;

/**
 * A private, freshly migrated database for one test: its own PostgreSQL schema or its own H2
 * in-memory database. Closing it drops what it created.
 */
public final class TestDatabase implements AutoCloseable {

  private final HikariDataSource dataSource;
  private final SqlDialect dialect;
  private final Runnable dropper;
  private final JdbcStores stores;

  TestDatabase(HikariDataSource dataSource, SqlDialect dialect, Runnable dropper) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.dropper = dropper;
    this.stores = JdbcStores.migrateAndCreate(dataSource);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public SqlDialect dialect() {
    return dialect;
  }

  public JdbcStores stores() {
    return stores;
  }

  @Override
  public void close() {
    dataSource.close();
    dropper.run();
  }
}
