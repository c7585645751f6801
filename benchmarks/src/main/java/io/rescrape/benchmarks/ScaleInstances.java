package io.rescrape.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The instances of one {@code scale} round: child JVMs, each running {@link ScaleWorkerCommand} on
 * the same job, held at a start barrier until {@link #go()}. What they print, stdout and stderr
 * merged, is forwarded line by line under their number, so a failing instance shows its own story.
 * Closing destroys those still running.
 */
final class ScaleInstances implements AutoCloseable {

  /** How long an instance may take to die after being asked before it is killed. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final List<Instance> instances;

  /** Kills the instances should this JVM be stopped (Ctrl-C) before closing them; thread-safe. */
  private final Thread killer;

  private ScaleInstances(List<Instance> instances) {
    this.instances = instances;
    this.killer =
        new Thread(
            () -> instances.forEach(instance -> instance.process.destroyForcibly()),
            "scale-instances-killer");
    Runtime.getRuntime().addShutdownHook(killer);
  }

  /**
   * Starts {@code count} JVMs of this program's own class path.
   *
   * @param workerOptions the options of {@code scale-worker}: servers, schema, prefix and job
   */
  static ScaleInstances start(int count, List<String> workerOptions) {
    List<String> command = javaCommand(workerOptions);
    ScaleInstances started = new ScaleInstances(new CopyOnWriteArrayList<>());
    try {
      for (int number = 1; number <= count; number++) {
        started.instances.add(Instance.start(number, command));
      }
    } catch (RuntimeException e) {
      started.close();
      throw e;
    }
    return started;
  }

  /**
   * Waits until every instance printed {@link ScaleWorkerCommand#READY}.
   *
   * @throws BenchmarkException when one exits first or the timeout passes
   */
  void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Instance instance : instances) {
      while (!instance.awaitReady(Duration.ofMillis(100))) {
        if (!instance.process.isAlive()) {
          throw new BenchmarkException(
              instance.name()
                  + " exited with code "
                  + instance.process.exitValue()
                  + " before it was ready; its output is above");
        }
        if (System.nanoTime() > deadline) {
          throw new BenchmarkException(instance.name() + " was not ready within " + timeout);
        }
      }
    }
  }

  /** Releases every instance, one right after the other. */
  void go() {
    for (Instance instance : instances) {
      instance.tell(ScaleWorkerCommand.GO);
    }
  }

  /** {@return whether no instance is still running} */
  boolean allExited() {
    return instances.stream().noneMatch(instance -> instance.process.isAlive());
  }

  /**
   * Throws when an instance exited with a failure.
   *
   * @throws BenchmarkException naming the first one found
   */
  void checkNoneFailed() {
    for (Instance instance : instances) {
      if (!instance.process.isAlive() && instance.process.exitValue() != 0) {
        throw instance.failed();
      }
    }
  }

  /**
   * Waits until every instance exited, each with success.
   *
   * @throws BenchmarkException when one failed or is still running after the timeout
   */
  void awaitExit(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Instance instance : instances) {
      if (!instance.awaitExit(Math.max(0, deadline - System.nanoTime()))) {
        throw new BenchmarkException(
            instance.name() + " is still running " + timeout + " after it was to end");
      }
      if (instance.process.exitValue() != 0) {
        throw instance.failed();
      }
    }
  }

  /** {@return the creators the instances scraped between them, by what each reported} */
  long scraped() {
    long total = 0;
    for (Instance instance : instances) {
      if (instance.scraped < 0) {
        throw new BenchmarkException(instance.name() + " did not say how many creators it scraped");
      }
      total += instance.scraped;
    }
    return total;
  }

  /** Destroys the instances still running, killing those that do not stop within a grace. */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(killer);
    } catch (IllegalStateException e) {
      // Closing from within the JVM's shutdown: the hook runs anyway.
    }
    instances.forEach(instance -> instance.process.destroy());
    for (Instance instance : instances) {
      if (!instance.awaitExit(STOP_GRACE.toNanos())) {
        instance.process.destroyForcibly();
        instance.awaitExit(STOP_GRACE.toNanos());
      }
      instance.finishForwarding();
    }
  }

  /** {@code java -cp <ours> io.rescrape.benchmarks.Benchmarks scale-worker <options>}. */
  private static List<String> javaCommand(List<String> workerOptions) {
    List<String> command = new ArrayList<>();
    command.add(javaBinary());
    command.add("-cp");
    command.add(classPath());
    command.add(Benchmarks.class.getName());
    command.add(ScaleWorkerCommand.NAME);
    command.addAll(workerOptions);
    return command;
  }

  /** The binary of this very JVM, so that every instance runs on the same Java. */
  private static String javaBinary() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  /**
   * {@code benchmarks.jar} when this class was loaded from it. From a directory, as in the module's
   * tests or an IDE, this JVM's class path holds the classes and every dependency.
   */
  private static String classPath() {
    try {
      Path source =
          Path.of(Benchmarks.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(source)) {
        return source.toString();
      }
    } catch (URISyntaxException | SecurityException e) {
      // Not a local file: the class path property is all there is to go on.
    }
    return System.getProperty("java.class.path");
  }

  /** One child JVM, and the thread that forwards its output. */
  private static final class Instance {

    private final int number;
    private final Process process;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Thread forwarder;
    private volatile long scraped = -1;

    private Instance(int number, Process process) {
      this.number = number;
      this.process = process;
      this.forwarder = new Thread(this::forward, "scale-instance-" + number + "-output");
      forwarder.setDaemon(true);
    }

    static Instance start(int number, List<String> command) {
      try {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Instance instance = new Instance(number, process);
        instance.forwarder.start();
        return instance;
      } catch (IOException e) {
        throw new BenchmarkException(
            "could not start instance " + number + " (" + command.get(0) + "): " + e.getMessage(),
            e);
      }
    }

    String name() {
      return "instance " + number + " (pid " + process.pid() + ")";
    }

    boolean awaitReady(Duration wait) {
      try {
        return ready.await(wait.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BenchmarkException("interrupted while waiting for " + name(), e);
      }
    }

    boolean awaitExit(long nanos) {
      try {
        return process.waitFor(nanos, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BenchmarkException("interrupted while waiting for " + name() + " to exit", e);
      }
    }

    void tell(String line) {
      try {
        OutputStream stdin = process.getOutputStream();
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
      } catch (IOException e) {
        throw new BenchmarkException("could not tell " + name() + " '" + line + "'", e);
      }
    }

    BenchmarkException failed() {
      finishForwarding(); // its last words belong above the error
      return new BenchmarkException(
          name() + " failed with exit code " + process.exitValue() + "; its output is above");
    }

    /** Waits a little for the last lines of an instance that exited. */
    void finishForwarding() {
      try {
        forwarder.join(STOP_GRACE.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private void forward() {
      try (BufferedReader output =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = output.readLine()) != null) {
          take(line);
        }
      } catch (IOException e) {
        // The pipe broke: the instance was destroyed, and close() says so where it matters.
      }
    }

    private void take(String line) {
      if (line.startsWith(ScaleWorkerCommand.SCRAPED + " ")) {
        scraped = Long.parseLong(line.substring(ScaleWorkerCommand.SCRAPED.length() + 1));
        return; // for the parent; the instance said it in words just before
      }
      System.out.println("    [instance " + number + "] " + line);
      if (line.equals(ScaleWorkerCommand.READY)) {
        ready.countDown(); // after printing, so that 'go' is printed below every READY
      }
    }
  }
}
