package io.rescrape.benchmarks;

import java.time.LocalDate;

/**
 * Fills a benchmark's schema with creators inside PostgreSQL ({@code generate_series}), half on
 * each platform, their weekdays spread over the six active days (Tuesday rests), as the planner
 * would have assigned them.
 */
final class CreatorSeed {

  /** Cycle days (0 = Monday) of the six active days, in the order creators are dealt to them. */
  private static final String ACTIVE_DAYS = "(ARRAY[2, 3, 4, 5, 6, 0])";

  /** Alternates platforms within each day, so every day's creators are half on each platform. */
  private static final String PLATFORM =
      "CASE WHEN (g / 6) % 2 = 0 THEN 'instagram' ELSE 'tiktok' END";

  private CreatorSeed() {}

  /** {@code count} creators never scraped, so all of them are due in the next daily job. */
  static void neverScraped(BenchDatabase database, int count) {
    database.execute(
        "INSERT INTO rescrape_creators (platform, handle, display_handle, cycle_day, added_at)"
            + " SELECT "
            + PLATFORM
            + ", 'creator.' || g, 'creator.' || g, "
            + ACTIVE_DAYS
            + "[1 + g % 6], TIMESTAMPTZ '2025-08-01 00:00:00+00'"
            + " FROM generate_series(1, "
            + count
            + ") AS g",
        "ANALYZE rescrape_creators");
  }

  /**
   * {@code count} creators in their steady state: each was scraped on its own weekday and is next
   * due on one of the six days from {@code first}, so about a sixth of them are due on it.
   */
  static void steadyState(BenchDatabase database, int count, LocalDate first) {
    database.execute(
        "INSERT INTO rescrape_creators (platform, handle, display_handle, cycle_day, next_due,"
            + " last_scraped_at, added_at)"
            + " SELECT "
            + PLATFORM
            + ", 'creator.' || g, 'creator.' || g, "
            + ACTIVE_DAYS
            + "[1 + g % 6], DATE '"
            + first
            + "' + (g % 6), TIMESTAMPTZ '"
            + first.minusDays(7)
            + " 09:30:00+00' + (g % 6) * INTERVAL '1 day', TIMESTAMPTZ '2025-08-01 00:00:00+00'"
            + " FROM generate_series(1, "
            + count
            + ") AS g",
        "ANALYZE rescrape_creators");
  }
}
