package io.rescrape.core.testing;

import io.rescrape.core.Rescrape;

/**
 * The three in-memory ports wired together, ready to hand to {@link Rescrape#builder()}.
 *
 * @param creators the creator store
 * @param jobs the job store and its ledger
 * @param queue the work queue over that ledger
 */
public record InMemoryStores(
    InMemoryCreatorStore creators, InMemoryJobStore jobs, InMemoryWorkQueue queue) {

  /** {@return three empty stores, wired to one another} */
  public static InMemoryStores create() {
    InMemoryCreatorStore creators = new InMemoryCreatorStore();
    InMemoryJobStore jobs = new InMemoryJobStore(creators);
    return new InMemoryStores(creators, jobs, new InMemoryWorkQueue(jobs));
  }

  /**
   * {@return a {@link Rescrape} builder with these stores set; add a clock, scrapers and settings}
   */
  public Rescrape.Builder builder() {
    return Rescrape.builder().creatorStore(creators).jobStore(jobs).workQueue(queue);
  }
}
