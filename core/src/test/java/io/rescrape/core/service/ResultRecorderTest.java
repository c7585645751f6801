package io.rescrape.core.service;

import static io.rescrape.core.fixtures.RescrapeFixture.NINE;
import static io.rescrape.core.fixtures.RescrapeFixture.WED;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.CycleDay;
import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.ItemResult;
import io.rescrape.core.domain.JobId;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.WorkItem;
import io.rescrape.core.port.JobStore;
import io.rescrape.core.service.ItemProcessor.Processed;
import io.rescrape.core.testing.InMemoryStores;
import io.rescrape.core.testing.SettableClock;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Batches written side by side, and a flush that waits for them. */
@Timeout(30)
class ResultRecorderTest {

  private static final JobId JOB = new JobId(1);
  private static final int FLUSH_SIZE = 2;

  private final InMemoryStores stores = InMemoryStores.create();
  private final CountDownLatch storeMayAnswer = new CountDownLatch(1);
  private final AtomicInteger recordsStarted = new AtomicInteger();
  private final AtomicInteger recordsDone = new AtomicInteger();
  private final ExecutorService writers = Executors.newFixedThreadPool(ResultRecorder.WRITERS);
  private final ResultRecorder recorder =
      new ResultRecorder(
          JOB,
          "a",
          stores.creators(),
          slowLedger(),
          stores.queue(),
          new Events(event -> {}),
          new SettableClock(NINE),
          FLUSH_SIZE,
          3,
          writers);

  @AfterEach
  void stopWriters() {
    storeMayAnswer.countDown();
    writers.shutdownNow();
  }

  @Test
  void should_write_a_second_batch_while_the_first_is_still_being_written() {
    addResults(1, 2);
    await().atMost(5, SECONDS).until(() -> recordsStarted.get() == 1);

    addResults(3, 4);

    await().atMost(5, SECONDS).until(() -> recordsDone.get() == 1);
    assertThat(recordsStarted.get()).isEqualTo(2);
  }

  @Test
  void should_return_from_a_flush_only_once_the_batches_being_written_are_stored() {
    addResults(1, 2);
    await().atMost(5, SECONDS).until(() -> recordsStarted.get() == 1);
    addResults(3);

    CompletableFuture<Boolean> flushed = CompletableFuture.supplyAsync(recorder::flushQuietly);
    await().during(Duration.ofMillis(200)).atMost(2, SECONDS).until(() -> !flushed.isDone());
    storeMayAnswer.countDown();

    assertThat(flushed.join()).isTrue();
    assertThat(recordsDone.get()).isEqualTo(2);
    assertThat(recorder.isEmpty()).isTrue();
  }

  private void addResults(long... creators) {
    for (long creator : creators) {
      CreatorId id = new CreatorId(creator);
      WorkItem item =
          new WorkItem(
              JOB,
              id,
              Platform.INSTAGRAM,
              Handle.of(Platform.INSTAGRAM, "creator." + creator),
              new CycleDay(2),
              WED,
              1,
              false);
      recorder.add(new Processed(item, ItemResult.done(id), null, Duration.ZERO));
    }
  }

  /** The in-memory ledger, whose first {@code record} waits until the test lets it answer. */
  private JobStore slowLedger() {
    JobStore ledger = stores.jobs();
    InvocationHandler handler =
        (proxy, method, args) -> {
          boolean recording = method.getName().equals("record");
          if (recording && recordsStarted.incrementAndGet() == 1) {
            storeMayAnswer.await();
          }
          try {
            return method.invoke(ledger, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          } finally {
            if (recording) {
              recordsDone.incrementAndGet();
            }
          }
        };
    return (JobStore)
        Proxy.newProxyInstance(
            JobStore.class.getClassLoader(), new Class<?>[] {JobStore.class}, handler);
  }
}
