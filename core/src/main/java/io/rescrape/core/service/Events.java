package io.rescrape.core.service;

import io.rescrape.core.event.RescrapeEvent;
import io.rescrape.core.port.RescrapeEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands events to the host's listener, so that a failing listener cannot break a job. */
final class Events {

  private static final Logger log = LoggerFactory.getLogger(Events.class);

  private final RescrapeEventListener listener;

  Events(RescrapeEventListener listener) {
    this.listener = listener;
  }

  void publish(RescrapeEvent event) {
    try {
      listener.onEvent(event);
    } catch (RuntimeException e) {
      log.warn(
          "Event listener threw on {}; the event is dropped and work goes on",
          event.getClass().getSimpleName(),
          e);
    }
  }
}
