package io.rescrape.jdbc;

import static io.rescrape.jdbc.Jdbc.getDate;
import static io.rescrape.jdbc.Jdbc.setInstant;

import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.CycleDay;
import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.JobId;
import io.rescrape.core.domain.Lease;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.WorkItem;
import io.rescrape.core.port.LedgerWorkQueue;
import io.rescrape.core.port.WorkQueue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A {@link WorkQueue} over the item ledger itself: claiming an item leases its ledger row. Rows are
 * picked with {@code FOR UPDATE SKIP LOCKED}, so any number of workers in any number of instances
 * claim concurrently without waiting on each other and never share an item.
 */
public final class JdbcWorkQueue implements LedgerWorkQueue {

  /** Claims name at most this many candidates, to keep statements bounded. */
  private static final int MAX_CANDIDATES = 1_000;

  // The status list repeats what the OR says so that the claim index skips finished rows.
  private static final String CLAIMABLE =
      "i.job_id = ? AND i.platform = ? AND i.status IN ('PENDING', 'IN_PROGRESS')"
          + " AND ((i.status = 'PENDING' AND (i.not_before IS NULL OR i.not_before <= ?))"
          + " OR (i.status = 'IN_PROGRESS' AND i.lease_until <= ?))";

  private final Jdbc jdbc;
  private final SqlDialect dialect;

  /**
   * A queue over an already migrated schema; {@link JdbcStores#migrateAndCreate} migrates first.
   *
   * @param dataSource where the item ledger lives, the same database as the job store's
   * @param dialect the database behind it: PostgreSQL claims in one statement, H2 in several
   */
  public JdbcWorkQueue(DataSource dataSource, SqlDialect dialect) {
    this.jdbc = new Jdbc(dataSource);
    this.dialect = dialect;
  }

  @Override
  public void open(DailyJob job) {
    // The ledger is the queue: a pending row is claimable the moment it exists.
  }

  @Override
  public List<WorkItem> claim(JobId job, Platform platform, int max, Lease lease, Instant now) {
    return claim(job, platform, max, null, lease, now);
  }

  @Override
  public List<WorkItem> claim(
      JobId job, Platform platform, List<CreatorId> candidates, Lease lease, Instant now) {
    if (candidates.size() > MAX_CANDIDATES) {
      throw new IllegalArgumentException(
          "at most " + MAX_CANDIDATES + " candidates per claim, got " + candidates.size());
    }
    if (candidates.isEmpty()) {
      return List.of();
    }
    return claim(job, platform, candidates.size(), candidates, lease, now);
  }

  @Override
  public List<CreatorId> pending(
      JobId job, Platform platform, @Nullable CreatorId after, int limit) {
    return jdbc.query(
        "list pending " + platform + " items of job " + job,
        "SELECT creator_id FROM rescrape_job_items WHERE job_id = ? AND platform = ?"
            + " AND status = 'PENDING' AND creator_id > ? ORDER BY creator_id LIMIT ?",
        s -> {
          s.setLong(1, job.value());
          s.setString(2, platform.id());
          s.setLong(3, after == null ? Long.MIN_VALUE : after.value());
          s.setInt(4, limit);
        },
        row -> new CreatorId(row.getLong(1)));
  }

  @Override
  public List<CreatorId> lapsed(JobId job, Platform platform, Instant now, int limit) {
    return jdbc.query(
        "list lapsed " + platform + " items of job " + job,
        "SELECT creator_id FROM rescrape_job_items WHERE job_id = ? AND platform = ?"
            + " AND status = 'IN_PROGRESS' AND lease_until <= ? LIMIT ?",
        s -> {
          s.setLong(1, job.value());
          s.setString(2, platform.id());
          setInstant(s, 3, now);
          s.setInt(4, limit);
        },
        row -> new CreatorId(row.getLong(1)));
  }

  private List<WorkItem> claim(
      JobId job,
      Platform platform,
      int max,
      @Nullable List<CreatorId> candidates,
      Lease lease,
      Instant now) {
    Claim claim = new Claim(job, platform, max, candidates, lease, now);
    return jdbc.inTransaction(
        "claim " + platform + " items of job " + job,
        connection ->
            dialect == SqlDialect.POSTGRESQL
                ? claim.inOneStatement(connection)
                : claim.inSteps(connection));
  }

  /** One claim: up to {@code max} claimable items, among {@code candidates} when they are given. */
  private record Claim(
      JobId job,
      Platform platform,
      int max,
      @Nullable List<CreatorId> candidates,
      Lease lease,
      Instant now) {

    /** The claimable rows, with the candidate filter when there is one. */
    String picked() {
      String filter =
          candidates == null
              ? ""
              : " AND i.creator_id IN (" + placeholders(candidates.size()) + ")";
      return "SELECT i.job_id, i.creator_id FROM rescrape_job_items i WHERE " + CLAIMABLE + filter;
    }

    int bindPicked(PreparedStatement s, int index) throws SQLException {
      s.setLong(index++, job.value());
      s.setString(index++, platform.id());
      setInstant(s, index++, now);
      setInstant(s, index++, now);
      if (candidates != null) {
        for (CreatorId id : candidates) {
          s.setLong(index++, id.value());
        }
      }
      return index;
    }

    /** PostgreSQL: pick, lease and read back in one statement. */
    List<WorkItem> inOneStatement(Connection connection) throws SQLException {
      String sql =
          "WITH picked AS ("
              + picked()
              + " AND EXISTS (SELECT 1 FROM rescrape_jobs j WHERE j.id = i.job_id"
              + " AND j.status = 'RUNNING') LIMIT ? FOR UPDATE OF i SKIP LOCKED)"
              + " UPDATE rescrape_job_items t SET status = 'IN_PROGRESS', lease_owner = ?,"
              + " lease_until = ?, attempts = t.attempts + 1 FROM picked p, rescrape_creators c"
              + " WHERE t.job_id = p.job_id AND t.creator_id = p.creator_id"
              + " AND c.id = t.creator_id"
              + " RETURNING t.creator_id, c.handle, c.cycle_day, c.next_due, t.attempts,"
              + " t.outcome IS NOT NULL AS tried_before";
      return Jdbc.query(
          connection,
          sql,
          s -> {
            int next = bindPicked(s, 1);
            s.setInt(next++, max);
            s.setString(next++, lease.owner());
            setInstant(s, next, lease.until());
          },
          row -> workItem(job, platform, row));
    }

    /** H2 cannot lock rows in a subquery, so it picks, leases and reads back in three steps. */
    List<WorkItem> inSteps(Connection connection) throws SQLException {
      if (!isRunning(connection, job)) {
        return List.of();
      }
      List<Long> ids =
          Jdbc.query(
              connection,
              picked() + " FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED",
              s -> s.setInt(bindPicked(s, 1), max),
              row -> row.getLong(2));
      if (ids.isEmpty()) {
        return List.of();
      }
      lease(connection, ids);
      return readBack(connection, ids);
    }

    private void lease(Connection connection, List<Long> ids) throws SQLException {
      Jdbc.update(
          connection,
          "UPDATE rescrape_job_items SET status = 'IN_PROGRESS', lease_owner = ?,"
              + " lease_until = ?, attempts = attempts + 1 WHERE job_id = ? AND creator_id IN ("
              + placeholders(ids.size())
              + ")",
          s -> {
            s.setString(1, lease.owner());
            setInstant(s, 2, lease.until());
            s.setLong(3, job.value());
            bindIds(s, 4, ids);
          });
    }

    private List<WorkItem> readBack(Connection connection, List<Long> ids) throws SQLException {
      return Jdbc.query(
          connection,
          "SELECT i.creator_id, c.handle, c.cycle_day, c.next_due, i.attempts,"
              + " i.outcome IS NOT NULL AS tried_before FROM rescrape_job_items i"
              + " JOIN rescrape_creators c ON c.id = i.creator_id"
              + " WHERE i.job_id = ? AND i.creator_id IN ("
              + placeholders(ids.size())
              + ")",
          s -> {
            s.setLong(1, job.value());
            bindIds(s, 2, ids);
          },
          row -> workItem(job, platform, row));
    }
  }

  private static String placeholders(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }

  private static boolean isRunning(Connection connection, JobId job) throws SQLException {
    return !Jdbc.query(
            connection,
            "SELECT 1 FROM rescrape_jobs WHERE id = ? AND status = 'RUNNING'",
            s -> s.setLong(1, job.value()),
            row -> true)
        .isEmpty();
  }

  @Override
  public int release(JobId job, String owner) {
    return jdbc.update(
        "release the items instance " + owner + " holds in job " + job,
        "UPDATE rescrape_job_items SET status = 'PENDING', lease_owner = NULL,"
            + " lease_until = NULL, attempts = GREATEST(attempts - 1, 0)"
            + " WHERE job_id = ? AND status = 'IN_PROGRESS' AND lease_owner = ?",
        s -> {
          s.setLong(1, job.value());
          s.setString(2, owner);
        });
  }

  private static void bindIds(PreparedStatement s, int index, List<Long> ids) throws SQLException {
    for (Long id : ids) {
      s.setLong(index++, id);
    }
  }

  private static WorkItem workItem(JobId job, Platform platform, ResultSet row)
      throws SQLException {
    return new WorkItem(
        job,
        new CreatorId(row.getLong("creator_id")),
        platform,
        new Handle(row.getString("handle")),
        new CycleDay(row.getInt("cycle_day")),
        getDate(row, "next_due"),
        row.getInt("attempts"),
        row.getBoolean("tried_before"));
  }
}
