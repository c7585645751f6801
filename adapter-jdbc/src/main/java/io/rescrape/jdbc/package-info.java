/**
 * Rescrape's ports on a relational database: {@link io.rescrape.jdbc.JdbcCreatorStore}, {@link
 * io.rescrape.jdbc.JdbcJobStore} with the item ledger, and {@link io.rescrape.jdbc.JdbcWorkQueue}
 * over that ledger, on PostgreSQL (production) or H2 (the embedded default). {@link
 * io.rescrape.jdbc.JdbcStores#migrateAndCreate} migrates the schema with the Flyway migrations in
 * this jar and builds all three. Driver exceptions leave as {@link
 * io.rescrape.core.domain.StoreException}.
 */
@NullMarked
package io.rescrape.jdbc;

import org.jspecify.annotations.NullMarked;
