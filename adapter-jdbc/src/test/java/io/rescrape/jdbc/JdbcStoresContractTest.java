package io.rescrape.jdbc;

import io.rescrape.core.contract.CreatorStoreContract;
import io.rescrape.core.contract.JobStoreContract;
import io.rescrape.core.contract.Stores;
import io.rescrape.jdbc.testing.TestDatabase;
import io.rescrape.jdbc.testing.TestDatabases;
import org.junit.jupiter.api.Nested;

/** The port contracts of core, on a real PostgreSQL and on H2. */
class JdbcStoresContractTest {

  private static final int CONNECTIONS = 20;

  static Stores open(TestDatabase database) {
    JdbcStores stores = database.stores();
    return new Stores(stores.creators(), stores.jobs(), stores.queue(), database);
  }

  @Nested
  class OnPostgres {
    @Nested
    class CreatorStoreTest extends CreatorStoreContract {
      @Override
      protected Stores newStores() {
        return open(TestDatabases.postgres(CONNECTIONS));
      }
    }

    @Nested
    class JobStoreTest extends JobStoreContract {
      @Override
      protected Stores newStores() {
        return open(TestDatabases.postgres(CONNECTIONS));
      }
    }
  }

  @Nested
  class OnH2 {
    @Nested
    class CreatorStoreTest extends CreatorStoreContract {
      @Override
      protected Stores newStores() {
        return open(TestDatabases.h2(CONNECTIONS));
      }
    }

    @Nested
    class JobStoreTest extends JobStoreContract {
      @Override
      protected Stores newStores() {
        return open(TestDatabases.h2(CONNECTIONS));
      }
    }
  }
}
