package io.rescrape.example.fault;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.util.concurrent.Uninterruptibles;
import io.rescrape.core.Rescrape;
import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.JobId;
import io.rescrape.core.domain.JobStatus;
import io.rescrape.core.domain.NewCreator;
import io.rescrape.core.domain.Platform;
import io.rescrape.example.AppEnvironment;
import io.rescrape.example.RescrapeApp;
import io.rescrape.example.demo.DemoPlatform;
import io.rescrape.jdbc.testing.TestDatabases;
import io.rescrape.redis.testing.RedisServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import redis.clients.jedis.RedisClient;

/**
 * A small production on one machine: {@code serve} processes sharing one job on one PostgreSQL
 * schema and one Redis of their own, scraping a demo platform that counts every profile request,
 * and the means to hurt them: SIGKILL, SIGTERM, Redis stopped and started. It reads the ledger
 * directly to tell what each process held when it died.
 */
final class FaultHarness implements AutoCloseable {

  private static final Duration POLL = Duration.ofMillis(50);
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FaultScenario scenario;
  private final Path dir;
  private final TestDatabases.PostgresSchema schema;
  private final RedisServers.OwnedRedis redis;
  private final String redisPrefix = "fault-" + UUID.randomUUID();
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private final DemoPlatform platform;
  private volatile CountDownLatch gate = new CountDownLatch(0);
  private final List<Instance> instances = new ArrayList<>();
  private JobId job;

  private FaultHarness(FaultScenario scenario, Path dir) {
    this.scenario = scenario;
    this.dir = dir;
    this.schema = TestDatabases.postgresSchema();
    this.redis = RedisServers.owned();
    this.platform =
        DemoPlatform.start(
            0,
            scenario.latency(),
            (on, handle) -> {
              requests.computeIfAbsent(key(on, handle), k -> new AtomicInteger()).incrementAndGet();
              Uninterruptibles.awaitUninterruptibly(gate);
            });
  }

  /** Makes the platform hold every answer until {@link #releaseScrapes()}. */
  void holdScrapes() {
    gate = new CountDownLatch(1);
  }

  /** Lets held and later answers go. */
  void releaseScrapes() {
    gate.countDown();
  }

  /**
   * Creates the database, Redis and demo platform, imports the scenario's creators (all new, so all
   * due) and plans today's job; no instance runs yet.
   */
  static FaultHarness prepare(FaultScenario scenario, Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    FaultHarness harness = new FaultHarness(scenario, dir);
    try {
      harness.planJob();
      return harness;
    } catch (RuntimeException e) {
      harness.close();
      throw e;
    }
  }

  private void planJob() {
    try (AppEnvironment environment = AppEnvironment.open(settings(dir.resolve("planner")))) {
      Rescrape rescrape = environment.rescrape();
      List<NewCreator> batch = new ArrayList<>();
      for (int i = 0; i < scenario.creators(); i++) {
        batch.add(new NewCreator(platformOf(i), handleOf(i), null));
      }
      rescrape.creators().startImport().add(batch);
      DailyJob planned =
          rescrape.planner().planDay(rescrape.policy().dateOf(environment.clock().instant())).job();
      if (planned.totalItems() != scenario.creators()) {
        throw new IllegalStateException(
            "the job holds " + planned.totalItems() + " creators, not " + scenario.creators());
      }
      job = planned.id();
    }
  }

  private AppEnvironment.Settings settings(Path dataDir) {
    return new AppEnvironment.Settings(
        dataDir,
        schema.jdbcUrl(),
        null,
        false,
        Duration.ZERO,
        scenario.workers(),
        platform.baseUri(Platform.INSTAGRAM),
        platform.baseUri(Platform.TIKTOK),
        null,
        scenario.lease(),
        false);
  }

  /** Starts the scenario's {@code serve} processes. */
  void startInstances() {
    for (int slot = 0; slot < scenario.instances(); slot++) {
      Instance instance = new Instance(slot);
      instances.add(instance);
      instance.start();
    }
  }

  List<Instance> instances() {
    return instances;
  }

  JobId job() {
    return job;
  }

  RedisServers.OwnedRedis redis() {
    return redis;
  }

  /** The job's status and owner as the database has them now. */
  JobRow jobRow() {
    return query(
        "SELECT status, lease_owner FROM rescrape_jobs WHERE id = ?",
        s -> s.setLong(1, job.value()),
        rows -> {
          rows.next();
          return new JobRow(JobStatus.valueOf(rows.getString(1)), rows.getString(2));
        });
  }

  /** How many creators of the job are finished: done, failed or skipped. */
  long finished() {
    return count(
        "SELECT count(*) FROM rescrape_job_items WHERE job_id = ?"
            + " AND status NOT IN ('PENDING', 'IN_PROGRESS')");
  }

  /** How many items the ledger shows leased to a process, whether or not it still lives. */
  long heldBy(long pid) {
    return query(
        "SELECT count(*) FROM rescrape_job_items WHERE job_id = ? AND status = 'IN_PROGRESS'"
            + " AND lease_owner LIKE ?",
        s -> {
          s.setLong(1, job.value());
          s.setString(2, ownerPattern(pid));
        },
        rows -> {
          rows.next();
          return rows.getLong(1);
        });
  }

  /** Whether the job's lease names the process. */
  boolean ownedBy(long pid) {
    String owner = jobRow().owner();
    return owner != null && owner.matches(".*-" + pid + "-[0-9a-f]+");
  }

  /** The instance holding the job's lease, if a live one does. */
  Optional<Instance> owner() {
    return instances.stream().filter(i -> i.isAlive() && ownedBy(i.pid())).findFirst();
  }

  /** Waits until the job is COMPLETED; fails after {@code timeout}. */
  void awaitCompleted(Duration timeout) {
    awaitUntil(
        timeout, () -> jobRow().status() == JobStatus.COMPLETED, "job " + job + " COMPLETED");
  }

  /** Waits until at least {@code share} of the creators are finished. */
  void awaitFinishedShare(double share, Duration timeout) {
    long wanted = (long) Math.ceil(scenario.creators() * share);
    awaitUntil(timeout, () -> finished() >= wanted, wanted + " creators finished");
  }

  static void awaitUntil(Duration timeout, BooleanSupplier condition, String what) {
    Awaitility.await(what).atMost(timeout).pollInterval(POLL).until(condition::getAsBoolean);
  }

  /** What the job's end looks like from the ledger, the creators and the platform. */
  Outcome outcome() {
    long unfinished =
        count(
            "SELECT count(*) FROM rescrape_job_items WHERE job_id = ?"
                + " AND status IN ('PENDING', 'IN_PROGRESS')");
    long doneWithoutProfile =
        count(
            "SELECT count(*) FROM rescrape_job_items i JOIN rescrape_creators c"
                + " ON c.id = i.creator_id WHERE i.job_id = ? AND i.status = 'DONE'"
                + " AND c.last_scraped_at IS NULL");
    int neverRequested = 0;
    int requestedTwice = 0;
    int mostRequests = 0;
    for (int i = 0; i < scenario.creators(); i++) {
      AtomicInteger seen = requests.get(key(platformOf(i), handleOf(i)));
      int n = seen == null ? 0 : seen.get();
      neverRequested += n == 0 ? 1 : 0;
      requestedTwice += n >= 2 ? 1 : 0;
      mostRequests = Math.max(mostRequests, n);
    }
    return new Outcome(
        unfinished + doneWithoutProfile, neverRequested, requestedTwice, mostRequests);
  }

  /** Redis's live counters of the job, as the instances wrote them since Redis last started. */
  Map<String, String> redisCounters() {
    try (RedisClient client = RedisClient.create(redis.url())) {
      return client.hgetAll("{" + redisPrefix + ":job:" + job.value() + "}:counters");
    }
  }

  /** Every line the instances printed to their consoles (warnings and errors) containing text. */
  long consoleLinesContaining(String text) {
    long count = 0;
    for (Instance instance : instances) {
      for (Path output : instance.outputs) {
        try {
          count += Files.readAllLines(output).stream().filter(l -> l.contains(text)).count();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return count;
  }

  @Override
  public void close() {
    releaseScrapes();
    for (Instance instance : instances) {
      instance.stopQuietly();
    }
    platform.close();
    redis.stop();
    schema.close();
  }

  /**
   * The end state.
   *
   * @param lost creators unfinished in a COMPLETED job, or done without their profile written
   * @param neverScraped creators the platform was never asked for
   * @param scrapedTwice creators the platform was asked for more than once
   * @param mostScrapes the most requests one creator got
   */
  record Outcome(long lost, int neverScraped, int scrapedTwice, int mostScrapes) {}

  /**
   * The job row.
   *
   * @param status its status
   * @param owner the instance holding its lease, if any
   */
  record JobRow(JobStatus status, @Nullable String owner) {}

  /** One {@code serve} slot: a process, restarted as new incarnations after each fault. */
  final class Instance {
    private final int slot;
    private final List<Path> outputs = new ArrayList<>();
    private Process process;
    private int healthPort;

    private Instance(int slot) {
      this.slot = slot;
    }

    void start() {
      String name = "instance-" + slot + "-" + outputs.size();
      Path output = dir.resolve(name + ".out");
      outputs.add(output);
      healthPort = freePort();
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      List<String> command =
          List.of(
              java,
              "-Xmx256m",
              "-cp",
              System.getProperty("java.class.path"),
              RescrapeApp.class.getName(),
              "serve",
              "--port",
              String.valueOf(healthPort),
              "--db",
              schema.jdbcUrl(),
              "--redis",
              redis.url(),
              "--redis-prefix",
              redisPrefix,
              "--lease",
              scenario.lease().toSeconds() + "s",
              "--workers",
              String.valueOf(scenario.workers()),
              "--instagram-url",
              platform.baseUri(Platform.INSTAGRAM).toString(),
              "--tiktok-url",
              platform.baseUri(Platform.TIKTOK).toString(),
              // The stand-in platform takes any pace; the real platforms' budgets would stretch
              // the test to hours.
              "--instagram-budget",
              "none",
              "--tiktok-budget",
              "none",
              "--data-dir",
              dir.resolve(name).toString());
      try {
        process =
            new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start " + name, e);
      }
    }

    long pid() {
      return process.pid();
    }

    /** Whether its {@code GET /health} reports Redis up; false while it does not answer. */
    boolean reportsRedisUp() {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + healthPort + "/health"))
              .timeout(Duration.ofSeconds(10))
              .build();
      try {
        String body = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        return JSON.readTree(body).path("redis").path("up").asBoolean(false);
      } catch (IOException e) {
        return false; // not listening yet, or restarting
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }

    boolean isAlive() {
      return process.isAlive();
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() {
      process.destroyForcibly();
      awaitExit(Duration.ofSeconds(30));
    }

    /**
     * SIGTERM, and waits until the process exits.
     *
     * @return how long it took to exit, and its exit code
     */
    Termination terminate(Duration patience) {
      long start = System.nanoTime();
      process.destroy();
      awaitExit(patience);
      return new Termination(Duration.ofNanos(System.nanoTime() - start), process.exitValue());
    }

    private void awaitExit(Duration patience) {
      try {
        if (!process.waitFor(patience.toMillis(), MILLISECONDS)) {
          process.destroyForcibly().waitFor(30, SECONDS);
          throw new AssertionError("instance " + slot + " did not exit within " + patience);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }

    private void stopQuietly() {
      if (process != null && process.isAlive()) {
        process.destroy();
        try {
          if (!process.waitFor(60, SECONDS)) {
            process.destroyForcibly();
          }
        } catch (InterruptedException e) {
          process.destroyForcibly();
          Thread.currentThread().interrupt();
        }
      }
    }

    @Override
    public String toString() {
      return "instance " + slot + " (pid " + process.pid() + ")";
    }
  }

  /**
   * How a SIGTERM went.
   *
   * @param took from the signal to the exit
   * @param exitCode the exit code
   */
  record Termination(Duration took, int exitCode) {}

  static Platform platformOf(int i) {
    return i % 2 == 0 ? Platform.INSTAGRAM : Platform.TIKTOK;
  }

  static Handle handleOf(int i) {
    return new Handle("fault.creator." + i);
  }

  private static String key(Platform platform, Handle handle) {
    return platform.id() + ":" + handle.value();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String ownerPattern(long pid) {
    return "%-" + pid + "-%";
  }

  private long count(String sql) {
    return query(
        sql,
        s -> s.setLong(1, job.value()),
        rows -> {
          rows.next();
          return rows.getLong(1);
        });
  }

  private interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  private interface Reader<T> {
    T read(ResultSet rows) throws SQLException;
  }

  private <T> T query(String sql, Binder binder, Reader<T> reader) {
    try (Connection connection = DriverManager.getConnection(schema.jdbcUrl());
        PreparedStatement statement = connection.prepareStatement(sql)) {
      binder.bind(statement);
      try (ResultSet rows = statement.executeQuery()) {
        return reader.read(rows);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("fault harness query failed: " + sql, e);
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
