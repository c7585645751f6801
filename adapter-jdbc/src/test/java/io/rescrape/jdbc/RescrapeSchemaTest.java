package io.rescrape.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rescrape.core.domain.StoreException;
import io.rescrape.jdbc.testing.TestDatabase;
import io.rescrape.jdbc.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

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
  void should_give_creators_stored_before_version_3_their_handle_as_display_handle_on_h2()
      throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:rescrape-v2-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    try {
      migrateToVersion2(h2, SqlDialect.H2);
      insertCreatorAtVersion2(h2);

      RescrapeSchema.migrate(h2, SqlDialect.H2);

      assertThat(displayHandleOf(h2, "lena.bakes")).isEqualTo("lena.bakes");
    } finally {
      execute(h2, "SHUTDOWN");
    }
  }

  @Test
  void should_give_creators_stored_before_version_3_their_handle_as_display_handle_on_postgres()
      throws Exception {
    try (TestDatabases.PostgresSchema schema = TestDatabases.postgresSchema()) {
      PGSimpleDataSource postgres = new PGSimpleDataSource();
      postgres.setURL(schema.jdbcUrl());
      migrateToVersion2(postgres, SqlDialect.POSTGRESQL);
      insertCreatorAtVersion2(postgres);

      RescrapeSchema.migrate(postgres, SqlDialect.POSTGRESQL);

      assertThat(displayHandleOf(postgres, "lena.bakes")).isEqualTo("lena.bakes");
    }
  }

  @Test
  void should_give_creators_gone_before_version_5_the_reason_not_found_on_h2() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:rescrape-v4-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    try {
      migrateToVersion(h2, SqlDialect.H2, "4");
      insertCreatorsAtVersion4(h2);

      RescrapeSchema.migrate(h2, SqlDialect.H2);

      assertThat(goneReasonOf(h2, "lost.account")).isEqualTo("NOT_FOUND");
      assertThat(goneReasonOf(h2, "lena.bakes")).isNull();
    } finally {
      execute(h2, "SHUTDOWN");
    }
  }

  @Test
  void should_give_creators_gone_before_version_5_the_reason_not_found_on_postgres()
      throws Exception {
    try (TestDatabases.PostgresSchema schema = TestDatabases.postgresSchema()) {
      PGSimpleDataSource postgres = new PGSimpleDataSource();
      postgres.setURL(schema.jdbcUrl());
      migrateToVersion(postgres, SqlDialect.POSTGRESQL, "4");
      insertCreatorsAtVersion4(postgres);

      RescrapeSchema.migrate(postgres, SqlDialect.POSTGRESQL);

      assertThat(goneReasonOf(postgres, "lost.account")).isEqualTo("NOT_FOUND");
      assertThat(goneReasonOf(postgres, "lena.bakes")).isNull();
    }
  }

  @Test
  void should_refuse_a_gone_time_without_a_reason_in_the_schema_itself() throws Exception {
    try (TestDatabase database = TestDatabases.h2(2);
        Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {

      assertThatThrownBy(
              () ->
                  statement.execute(
                      "INSERT INTO rescrape_creators (platform, handle, display_handle, cycle_day,"
                          + " added_at, gone_since) VALUES ('instagram', 'half.gone',"
                          + " 'half.gone', 2, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"))
          .hasMessageContaining("RESCRAPE_CREATORS_GONE_REASON_CK");
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

  private static void migrateToVersion2(DataSource dataSource, SqlDialect dialect) {
    migrateToVersion(dataSource, dialect, "2");
  }

  private static void migrateToVersion(DataSource dataSource, SqlDialect dialect, String version) {
    Flyway.configure(RescrapeSchemaTest.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration/common", dialect.migrationLocation())
        .table("rescrape_schema_history")
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .target(version)
        .load()
        .migrate();
  }

  private static void insertCreatorAtVersion2(DataSource dataSource) throws Exception {
    execute(
        dataSource,
        "INSERT INTO rescrape_creators (platform, handle, cycle_day, added_at)"
            + " VALUES ('instagram', 'lena.bakes', 2, CURRENT_TIMESTAMP)");
  }

  private static void insertCreatorsAtVersion4(DataSource dataSource) throws Exception {
    execute(
        dataSource,
        "INSERT INTO rescrape_creators (platform, handle, display_handle, cycle_day, added_at,"
            + " not_found_dates, first_not_found_on, last_not_found_on, gone_since) VALUES"
            + " ('instagram', 'lost.account', 'Lost.Account', 2, CURRENT_TIMESTAMP, 3,"
            + " DATE '2025-08-25', DATE '2025-08-27', CURRENT_TIMESTAMP),"
            + " ('instagram', 'lena.bakes', 'Lena.Bakes', 2, CURRENT_TIMESTAMP, NULL, NULL, NULL,"
            + " NULL)");
  }

  private static String goneReasonOf(DataSource dataSource, String handle) throws Exception {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT gone_reason FROM rescrape_creators WHERE handle = '" + handle + "'")) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static String displayHandleOf(DataSource dataSource, String handle) throws Exception {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT display_handle FROM rescrape_creators WHERE handle = '" + handle + "'")) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static void execute(DataSource dataSource, String sql) throws Exception {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
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
