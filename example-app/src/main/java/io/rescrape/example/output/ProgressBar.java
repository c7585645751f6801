package io.rescrape.example.output;

import io.rescrape.core.domain.JobProgress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Live progress of a running job: a bar redrawn in place on a terminal, or a line every few seconds
 * when the output is a file or a pipe. Rate and expected end come from what this run finished so
 * far.
 */
public final class ProgressBar implements AutoCloseable {

  private static final int WIDTH = 30;

  private final PrintWriter out;
  private final boolean interactive;
  private final Supplier<JobProgress> progress;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Thread thread;
  private final long startNanos = System.nanoTime();
  private long startFinished = -1;

  public ProgressBar(PrintWriter out, boolean interactive, Supplier<JobProgress> progress) {
    this.out = out;
    this.interactive = interactive;
    this.progress = progress;
    this.thread = new Thread(this::loop, "rescrape-progress");
    this.thread.setDaemon(true);
  }

  public ProgressBar start() {
    render(false);
    thread.start();
    return this;
  }

  @Override
  public void close() {
    stopped.countDown();
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    render(true);
  }

  private void loop() {
    // Each reading counts the job's ledger, so a large job is not asked more than once a second.
    long every = interactive ? 1_000 : 5_000;
    try {
      while (!stopped.await(every, TimeUnit.MILLISECONDS)) {
        render(false);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized void render(boolean last) {
    JobProgress now;
    try {
      now = progress.get();
    } catch (RuntimeException e) {
      return; // a passing database error: show the next reading instead
    }
    if (startFinished < 0) {
      startFinished = now.finished();
    }
    String line = line(now);
    if (interactive) {
      out.print("\r" + line + (last ? System.lineSeparator() : ""));
    } else {
      out.println(line);
    }
    out.flush();
  }

  private String line(JobProgress now) {
    int filled = (int) Math.round(WIDTH * now.percent() / 100);
    double seconds = Math.max(0.001, (System.nanoTime() - startNanos) / 1e9);
    double rate = (now.finished() - startFinished) / seconds;
    String eta = rate > 0 ? format(Duration.ofSeconds((long) (now.remaining() / rate))) : "--:--";
    return String.format(
        "[%s%s] %d/%d %3.0f%%  %.1f/s  ETA %s  ok %d  failed %d   ",
        "#".repeat(filled),
        ".".repeat(WIDTH - filled),
        now.finished(),
        now.total(),
        now.percent(),
        rate,
        eta,
        now.done(),
        now.failed());
  }

  private static String format(Duration duration) {
    return String.format("%d:%02d", duration.toMinutes(), duration.toSecondsPart());
  }
}
