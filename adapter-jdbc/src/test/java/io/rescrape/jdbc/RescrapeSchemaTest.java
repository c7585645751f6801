package io.rescrape.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rescrape.core.domain.StoreException;
import io.rescrape.jdbc.testing.TestDatabase;
import io.rescrape.jdbc.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class RescrapeSchemaTest {

  @Test
  void should_migrate_again_without_changing_anything() throws Exception {
    try (TestDatabase database = TestDatabases.postgres(2)) {
      long before = historyRows(database);

      RescrapeSchema.migrate(database.dataSource(), SqlDialect.POSTGRESQL);

      assertThat(historyRows(database)).isEqualTo(before);
    }
  }

  @Test
  void should_enforce_one_running_job_in_the_schema_itself() throws Exception {
    try (TestDatabase database = TestDatabases.h2(2);
        Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "INSERT INTO rescrape_jobs (job_type, job_date, status, total_items, created_at)"
              + " VALUES ('daily_rescrape', DATE '2025-08-26', 'RUNNING', 1, CURRENT_TIMESTAMP)");

      assertThatThrownBy(
              () ->
                  statement.execute(
                      "INSERT INTO rescrape_jobs (job_type, job_date, status, total_items,"
                          + " created_at) VALUES ('daily_rescrape', DATE '2025-08-27', 'RUNNING',"
                          + " 1, CURRENT_TIMESTAMP)"))
          .hasMessageContaining("RESCRAPE_JOBS_ONE_RUNNING_UQ");
    }
  }

  @Test
  void should_say_so_when_the_database_cannot_be_reached() {
    JdbcDataSource missing = new JdbcDataSource();
    missing.setURL("jdbc:h2:mem:never-created;IFEXISTS=TRUE");

    assertThatThrownBy(() -> SqlDialect.of(missing))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith(
            "could not connect to the database: Database \"mem:never-created\" not found");
  }

  private static long historyRows(TestDatabase database) throws Exception {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM rescrape_schema_history")) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
