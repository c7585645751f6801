package io.rescrape.jdbc;

import io.rescrape.core.Rescrape;
import javax.sql.DataSource;

/**
 * The JDBC adapters of one database, built together: the usual way to wire Rescrape to PostgreSQL
 * or H2.
 *
 * <pre>{@code
 * JdbcStores stores = JdbcStores.migrateAndCreate(dataSource);
 * Rescrape rescrape = stores.builder().scraper(instagram).scraper(tiktok).build();
 * }</pre>
 *
 * @param dialect the database in use
 * @param creators the creator store
 * @param jobs the job store with its item ledger
 * @param queue the work queue over that ledger
 */
public record JdbcStores(
    SqlDialect dialect, JdbcCreatorStore creators, JdbcJobStore jobs, JdbcWorkQueue queue) {

  /**
   * Migrates the schema, then creates the stores; use a pooled data source in production.
   *
   * @param dataSource a PostgreSQL or H2 database; it is connected to at once
   * @return the three stores over that database
   * @throws io.rescrape.core.domain.StoreException when the database cannot be reached, is not
   *     supported, or cannot be migrated
   */
  public static JdbcStores migrateAndCreate(DataSource dataSource) {
    SqlDialect dialect = SqlDialect.of(dataSource);
    RescrapeSchema.migrate(dataSource, dialect);
    return new JdbcStores(
        dialect,
        new JdbcCreatorStore(dataSource, dialect),
        new JdbcJobStore(dataSource, dialect),
        new JdbcWorkQueue(dataSource, dialect));
  }

  /** {@return a {@link Rescrape} builder with these stores set; add scrapers and settings} */
  public Rescrape.Builder builder() {
    return Rescrape.builder().creatorStore(creators).jobStore(jobs).workQueue(queue);
  }
}
