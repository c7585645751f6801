package io.rescrape.core.port;

import io.rescrape.core.event.RescrapeEvent;

/**
 * Receives what happens, for metrics, dashboards or audit. Called on the thread that caused the
 * event, so it must be fast and must not throw; an exception it throws is logged and dropped.
 */
@FunctionalInterface
public interface RescrapeEventListener {

  /** A listener that ignores every event: the default. */
  RescrapeEventListener NONE = event -> {};

  /**
   * Receives one event, on the thread that caused it.
   *
   * @param event what happened; {@link RescrapeEvent} is sealed, so a switch over its types is
   *     exhaustive
   */
  void onEvent(RescrapeEvent event);
}
