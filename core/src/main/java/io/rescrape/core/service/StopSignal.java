package io.rescrape.core.service;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A one-way stop flag that also wakes anyone sleeping on it. */
final class StopSignal {

  private final CountDownLatch latch = new CountDownLatch(1);

  void trigger() {
    latch.countDown();
  }

  boolean isTriggered() {
    return latch.getCount() == 0;
  }

  /**
   * Sleeps up to {@code duration}, waking early on a stop or an interrupt.
   *
   * @return whether the runner should stop
   */
  boolean sleep(Duration duration) {
    try {
      return latch.await(Math.max(1, duration.toMillis()), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }
}
