package io.rescrape.core.port;

import io.rescrape.core.event.RescrapeEvent;
import java.util.List;

/**
 * Receives what happens, for metrics, dashboards or audit. Called on the thread that caused the
 * event, so it must be fast and must not throw; an exception it throws is logged and dropped.
 */
@FunctionalInterface
public interface RescrapeEventListener {

  /** A listener that ignores every event: the default. */
  RescrapeEventListener NONE = event -> {};

  /**
   * Combines listeners into one, for the Rescrape builder, which takes a single listener: each
   * event goes to every one of them, in order. One that throws does not keep the event from the
   * others; its exception is rethrown once all have run, with any later one attached as suppressed.
   *
   * @param listeners the listeners, in the order they receive each event
   * @return one listener that hands every event to all of them
   */
  static RescrapeEventListener all(RescrapeEventListener... listeners) {
    List<RescrapeEventListener> each = List.of(listeners);
    return event -> {
      RuntimeException first = null;
      for (RescrapeEventListener listener : each) {
        try {
          listener.onEvent(event);
        } catch (RuntimeException e) {
          if (first == null) {
            first = e;
          } else {
            first.addSuppressed(e);
          }
        }
      }
      if (first != null) {
        throw first;
      }
    };
  }

  /**
   * Receives one event, on the thread that caused it.
   *
   * @param event what happened; {@link RescrapeEvent} is sealed, so a switch over its types is
   *     exhaustive
   */
  void onEvent(RescrapeEvent event);
}
