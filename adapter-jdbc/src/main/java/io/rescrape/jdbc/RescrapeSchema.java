package io.rescrape.jdbc;

import io.rescrape.core.domain.StoreException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and upgrades Rescrape's tables with the Flyway migrations inside this jar. Its history
 * lives in its own table, {@code rescrape_schema_history}, so it sits beside a host's own Flyway
 * migrations in the same schema without touching them.
 */
public final class RescrapeSchema {

  private static final Logger log = LoggerFactory.getLogger(RescrapeSchema.class);

  private RescrapeSchema() {}

  /**
   * Brings the schema the data source points at up to date; safe to call on every start.
   *
   * @param dataSource the database to migrate, PostgreSQL or H2
   * @param dialect the database behind it, which picks its migrations
   * @throws StoreException when a migration fails
   */
  public static void migrate(DataSource dataSource, SqlDialect dialect) {
    try {
      MigrateResult result =
          Flyway.configure(RescrapeSchema.class.getClassLoader())
              .dataSource(dataSource)
              .locations("classpath:db/migration/common", dialect.migrationLocation())
              .table("rescrape_schema_history")
              .baselineOnMigrate(true)
              .baselineVersion("0")
              .load()
              .migrate();
      if (result.migrationsExecuted > 0) {
        log.info(
            "Rescrape schema migrated to version {} ({} migrations applied)",
            result.targetSchemaVersion,
            result.migrationsExecuted);
      }
    } catch (FlywayException e) {
      throw new StoreException("could not migrate the Rescrape schema: " + e.getMessage(), e);
    }
  }
}
