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

  void onEvent(RescrapeEvent event);
}
