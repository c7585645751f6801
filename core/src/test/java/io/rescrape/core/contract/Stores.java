package io.rescrape.core.contract;

import io.rescrape.core.port.CreatorStore;
import io.rescrape.core.port.JobStore;
import io.rescrape.core.port.WorkQueue;

/**
 * The three storage ports of one backend, for contract tests.
 *
 * @param creators the creator store
 * @param jobs the job store and its ledger
 * @param queue the work queue
 * @param closer releases what the backend holds (connections, schemas)
 */
public record Stores(CreatorStore creators, JobStore jobs, WorkQueue queue, AutoCloseable closer)
    implements AutoCloseable {

  public Stores(CreatorStore creators, JobStore jobs, WorkQueue queue) {
    this(creators, jobs, queue, () -> {});
  }

  @Override
  public void close() throws Exception {
    closer.close();
  }
}
