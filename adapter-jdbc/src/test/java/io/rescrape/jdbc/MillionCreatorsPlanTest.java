package io.rescrape.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.JobProgress;
import io.rescrape.core.domain.Platform;
import io.rescrape.jdbc.testing.TestDatabase;
import io.rescrape.jdbc.testing.TestDatabases;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Planning a day for a million creators on PostgreSQL: the due creators go from the creator table
 * to the ledger inside the database, never through this JVM. Prints the time and the heap peak it
 * measured; the assertions are about correctness only.
 */
class MillionCreatorsPlanTest {

  private static final int CREATORS = 1_000_000;
  private static final LocalDate WED = LocalDate.of(2025, 8, 27);

  private TestDatabase database;

  @BeforeEach
  void seedAMillionCreators() throws Exception {
    database = TestDatabases.postgres(4);
    // Six active days, Tuesday at rest; creator g is due on 2025-08-27 plus (g mod 6) days.
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "INSERT INTO rescrape_creators (platform, handle, display_handle, cycle_day, next_due,"
              + " added_at)"
              + " SELECT CASE WHEN g % 2 = 0 THEN 'instagram' ELSE 'tiktok' END, 'creator.' || g,"
              + " 'Creator.' || g,"
              + " (ARRAY[2, 3, 4, 5, 6, 0])[1 + g % 6], DATE '2025-08-27' + (g % 6),"
              + " TIMESTAMPTZ '2025-08-01 00:00:00+00' FROM generate_series(1, "
              + CREATORS
              + ") AS g");
      statement.execute("ANALYZE rescrape_creators");
    }
  }

  @AfterEach
  void dropDatabase() {
    database.close();
  }

  @Test
  void should_plan_the_day_of_a_million_creators_inside_the_database() {
    JdbcJobStore jobs = database.stores().jobs();
    resetHeapPeaks();

    long started = System.nanoTime();
    DailyJob job = jobs.createDailyJob(WED, Instant.parse("2025-08-27T09:00:00Z")).job();
    long millis = (System.nanoTime() - started) / 1_000_000;

    long due = CREATORS / 6;
    JobProgress progress = jobs.progress(job.id());
    assertThat(job.totalItems()).isEqualTo(due);
    assertThat(progress.pending()).isEqualTo(due);
    assertThat(jobs.progressByPlatform(job.id()).get(Platform.INSTAGRAM).pending()).isEqualTo(due);
    System.out.printf(
        "RESULT plan_million creators=%d due=%d plan_ms=%d heap_peak_mb=%d%n",
        CREATORS, due, millis, heapPeakBytes() / (1024 * 1024));
  }

  private static void resetHeapPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long heapPeakBytes() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
