package io.rescrape.jdbc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rescrape.core.domain.JobId;
import io.rescrape.core.domain.StoreException;
import io.rescrape.jdbc.testing.TestDatabase;
import io.rescrape.jdbc.testing.TestDatabases;
import org.junit.jupiter.api.Test;

/** What the stores throw when the database goes away under them. */
class JdbcFailureTest {

  @Test
  void should_throw_a_store_exception_when_the_pool_was_closed_under_the_store() {
    TestDatabase database = TestDatabases.h2(2);
    JdbcStores stores = database.stores();
    database.close(); // the pool answers with an SQLException that carries no SQLState

    assertThatThrownBy(() -> stores.jobs().recent(1))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("could not");
    assertThatThrownBy(() -> stores.jobs().markQueued(new JobId(1)))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("could not");
  }
}
