package io.rescrape.core.testing;

import io.rescrape.core.contract.CreatorStoreContract;
import io.rescrape.core.contract.JobStoreContract;
import io.rescrape.core.contract.Stores;
import org.junit.jupiter.api.Nested;

class InMemoryStoresContractTest {

  static Stores inMemory() {
    InMemoryStores stores = InMemoryStores.create();
    return new Stores(stores.creators(), stores.jobs(), stores.queue());
  }

  @Nested
  class CreatorStoreTest extends CreatorStoreContract {
    @Override
    protected Stores newStores() {
      return inMemory();
    }
  }

  @Nested
  class JobStoreTest extends JobStoreContract {
    @Override
    protected Stores newStores() {
      return inMemory();
    }
  }
}
