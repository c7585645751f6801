package io.rescrape.scraper;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** What the scrapers log while it is open. */
final class CapturedLogs implements AutoCloseable {

  private final Logger logger = (Logger) LoggerFactory.getLogger("io.rescrape.scraper");
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private CapturedLogs() {
    appender.start();
    logger.addAppender(appender);
  }

  static CapturedLogs start() {
    return new CapturedLogs();
  }

  /** The messages logged at {@code level} or above. */
  List<String> atLeast(Level level) {
    return appender.list.stream()
        .filter(event -> event.getLevel().isGreaterOrEqual(level))
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
  }
}
