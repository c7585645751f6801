package io.rescrape.benchmarks;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.CreatorVisit;
import io.rescrape.core.domain.CycleDay;
import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.ItemResult;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.SchedulePolicy;
import io.rescrape.core.domain.ScheduleSettings;
import io.rescrape.core.domain.ScrapeResult;
import io.rescrape.core.testing.FakeProfileScraper;
import io.rescrape.jdbc.JdbcStores;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The same drain done the way a db-scheduler user would: one one-time task per creator, executed by
 * db-scheduler's threads, each scraping through the same instant scraper and doing the same writes
 * Rescrape does per creator (the creator's stats and next due date, then its ledger item), through
 * the same JDBC adapter. db-scheduler picks with its lock-and-fetch strategy ({@code SELECT ... FOR
 * UPDATE SKIP LOCKED}), meant for PostgreSQL at high throughput, fetching up to four times its
 * threads per poll: of the settings tried on this machine, the fastest (20,000 tasks: 1,638/s,
 * against 1,516/s with up to one times its threads and 1,494/s with its default
 * fetch-and-lock-on-execute).
 */
final class DbSchedulerDrain {

  private static final String TASK = "rescrape-creator";
  private static final String OWNER = "db-scheduler";
  private static final int SCHEDULE_BATCH = 10_000;

  private static final String[] TABLE = {
    "CREATE TABLE scheduled_tasks (task_name TEXT NOT NULL, task_instance TEXT NOT NULL,"
        + " task_data BYTEA, execution_time TIMESTAMPTZ, picked BOOLEAN NOT NULL,"
        + " picked_by TEXT, last_success TIMESTAMPTZ, last_failure TIMESTAMPTZ,"
        + " consecutive_failures INT, last_heartbeat TIMESTAMPTZ, version BIGINT NOT NULL,"
        + " priority SMALLINT, state TEXT, PRIMARY KEY (task_name, task_instance))",
    "CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time)",
    "CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat)",
    "CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time)"
  };

  private DbSchedulerDrain() {}

  /**
   * Drains {@code creators} never-scraped creators through db-scheduler in a schema of its own.
   *
   * @param threads db-scheduler's executor threads: Rescrape's workers over both platforms
   */
  static DrainRun run(ServerOptions servers, int creators, int threads) {
    Clock clock = Clock.systemUTC();
    try (BenchDatabase database = BenchDatabase.create(servers)) {
      CreatorSeed.neverScraped(database, creators);
      JdbcStores stores = database.stores();
      SchedulePolicy policy = new SchedulePolicy(ScheduleSettings.defaults());
      DailyJob job =
          stores.jobs().createDailyJob(policy.dateOf(clock.instant()), clock.instant()).job();
      database.execute(TABLE);

      AtomicLong done = new AtomicLong();
      CountDownLatch finished = new CountDownLatch(creators);
      Map<Platform, FakeProfileScraper> scrapers = new EnumMap<>(Platform.class);
      for (Platform platform : Platform.values()) {
        scrapers.put(platform, new FakeProfileScraper(platform));
      }
      OneTimeTask<String> task =
          Tasks.oneTime(TASK, String.class)
              .execute(
                  (instance, context) -> {
                    Item item = Item.parse(instance.getId(), instance.getData());
                    ScrapeResult result = scrapers.get(item.platform()).scrape(item.handle());
                    Instant now = clock.instant();
                    stores
                        .creators()
                        .recordVisits(
                            List.of(
                                new CreatorVisit(
                                    item.id(),
                                    now,
                                    policy.nextDueAfterVisit(item.day(), job.date()),
                                    result.profile(),
                                    result.outcome())));
                    stores.jobs().record(job.id(), List.of(ItemResult.done(item.id())), OWNER, now);
                    done.incrementAndGet();
                    finished.countDown();
                  });

      Scheduler scheduler =
          Scheduler.create(database.dataSource(), task)
              .threads(threads)
              .pollUsingLockAndFetch(0.5, 4.0)
              .pollingInterval(Duration.ofSeconds(1))
              .build();
      schedule(scheduler, task, database, clock.instant());
      System.out.printf("  db-scheduler: %,d one-time tasks scheduled; starting it%n", creators);

      long started = System.nanoTime();
      try (ProgressTicker ticker = ProgressTicker.start("db-scheduler", creators, done::get)) {
        scheduler.start();
        await(finished, creators);
      } finally {
        scheduler.stop();
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      return new DrainRun(done.get(), seconds);
    }
  }

  private static void schedule(
      Scheduler scheduler, OneTimeTask<String> task, BenchDatabase database, Instant now) {
    List<TaskInstance<?>> batch = new ArrayList<>(SCHEDULE_BATCH);
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT id, platform, handle, cycle_day FROM rescrape_creators ORDER BY id")) {
      while (rows.next()) {
        String data = rows.getString(2) + "/" + rows.getString(3) + "/" + rows.getInt(4);
        batch.add(task.instance(Long.toString(rows.getLong(1)), data));
        if (batch.size() == SCHEDULE_BATCH) {
          scheduler.scheduleBatch(batch, now);
          batch.clear();
        }
      }
    } catch (SQLException e) {
      throw new BenchmarkException("could not read the creators to schedule: " + e.getMessage(), e);
    }
    if (!batch.isEmpty()) {
      scheduler.scheduleBatch(batch, now);
    }
  }

  private static void await(CountDownLatch finished, int creators) {
    try {
      // Generous: even 500 executions a second finish in time.
      long limitSeconds = 60 + creators / 500;
      if (!finished.await(limitSeconds, TimeUnit.SECONDS)) {
        throw new BenchmarkException(
            "db-scheduler did not finish "
                + creators
                + " tasks within "
                + limitSeconds
                + " s; "
                + finished.getCount()
                + " left");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchmarkException("interrupted while db-scheduler ran", e);
    }
  }

  /** A task's creator, from its instance id and data {@code platform/handle/cycleDay}. */
  private record Item(CreatorId id, Platform platform, Handle handle, CycleDay day) {

    static Item parse(String instanceId, String data) {
      String[] parts = data.split("/", 3);
      Platform platform = Platform.parse(parts[0]);
      return new Item(
          new CreatorId(Long.parseLong(instanceId)),
          platform,
          Handle.of(platform, parts[1]),
          new CycleDay(Integer.parseInt(parts[2])));
    }
  }
}
