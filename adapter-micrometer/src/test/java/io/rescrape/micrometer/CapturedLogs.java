package io.rescrape.micrometer;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** What the metrics adapter logs while it is open. */
final class CapturedLogs implements AutoCloseable {

  private final Logger logger = (Logger) LoggerFactory.getLogger("io.rescrape.micrometer");
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private CapturedLogs() {
    appender.start();
    logger.addAppender(appender);
  }

  static CapturedLogs start() {
    return new CapturedLogs();
  }

  /** The messages logged at exactly {@code level}. */
  List<String> at(Level level) {
    return appender.list.stream()
        .filter(event -> event.getLevel() == level)
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
  }
}
