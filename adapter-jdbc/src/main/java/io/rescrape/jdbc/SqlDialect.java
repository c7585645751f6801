package io.rescrape.jdbc;

import io.rescrape.core.domain.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/** The databases Rescrape runs on, and what differs between them. */
public enum SqlDialect {
  /** Production: PostgreSQL 12 or later. */
  POSTGRESQL("postgresql"),
  /** The embedded default: H2 2.x, in a file or in memory. */
  H2("h2");

  private final String migrationFolder;

  SqlDialect(String migrationFolder) {
    this.migrationFolder = migrationFolder;
  }

  /**
   * Tells the dialect from the database a data source connects to.
   *
   * @param dataSource the database; one connection is opened and closed again
   * @return the dialect of that database
   * @throws StoreException when the database cannot be reached or is neither PostgreSQL nor H2
   */
  public static SqlDialect of(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName();
      String name = product.toLowerCase(Locale.ROOT);
      if (name.contains("postgresql")) {
        return POSTGRESQL;
      }
      if (name.equals("h2")) {
        return H2;
      }
      throw new StoreException(
          "unsupported database '" + product + "': Rescrape runs on PostgreSQL or H2");
    } catch (SQLException e) {
      throw new StoreException("could not connect to the database: " + e.getMessage(), e);
    }
  }

  String migrationLocation() {
    return "classpath:db/migration/" + migrationFolder;
  }
}
