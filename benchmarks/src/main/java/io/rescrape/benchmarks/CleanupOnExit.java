package io.rescrape.benchmarks;

import ch.qos.logback.classic.Level;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what a run created (its schema, its Redis keys) when the JVM exits before the run's own
 * close, as on Ctrl-C or SIGTERM. The run's threads fail noisily once their servers' data is gone,
 * so the log is silenced first and one line says what is being removed.
 */
final class CleanupOnExit {

  private static final AtomicBoolean EXITING = new AtomicBoolean();

  private final Thread hook;

  private CleanupOnExit(String what, Runnable cleanup) {
    this.hook =
        new Thread(
            () -> {
              EXITING.set(true);
              silenceLog();
              System.err.println("interrupted: removing " + what);
              try {
                cleanup.run();
              } catch (RuntimeException e) {
                System.err.println("could not remove " + what + ": " + e.getMessage());
              }
            },
            "cleanup-on-exit");
  }

  /**
   * {@return whether the JVM is exiting under a signal and cleaning up} A run failing then fails
   * because its servers' data is being removed under it, which is not worth a message.
   */
  static boolean exiting() {
    return EXITING.get();
  }

  /** Runs {@code cleanup} at exit unless {@link #cancel()} is called first. */
  static CleanupOnExit register(String what, Runnable cleanup) {
    CleanupOnExit onExit = new CleanupOnExit(what, cleanup);
    Runtime.getRuntime().addShutdownHook(onExit.hook);
    return onExit;
  }

  /**
   * Takes the cleanup back, for a run that cleans up itself.
   *
   * @return false when the JVM is already exiting, so the cleanup at exit runs instead
   */
  boolean cancel() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  private static void silenceLog() {
    if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)
        instanceof ch.qos.logback.classic.Logger root) {
      root.setLevel(Level.OFF);
    }
  }
}
