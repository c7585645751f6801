package io.rescrape.jdbc;

import static io.rescrape.jdbc.Jdbc.batch;
import static io.rescrape.jdbc.Jdbc.getDate;
import static io.rescrape.jdbc.Jdbc.getInstant;
import static io.rescrape.jdbc.Jdbc.setDate;
import static io.rescrape.jdbc.Jdbc.setInstant;
import static io.rescrape.jdbc.Jdbc.setText;
import static io.rescrape.jdbc.Jdbc.truncated;

import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.DailyJobCreation;
import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.ItemFailure;
import io.rescrape.core.domain.ItemResult;
import io.rescrape.core.domain.ItemStatus;
import io.rescrape.core.domain.JobId;
import io.rescrape.core.domain.JobProgress;
import io.rescrape.core.domain.JobStatus;
import io.rescrape.core.domain.Lease;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.ScrapeOutcome;
import io.rescrape.core.domain.StoreException;
import io.rescrape.core.port.JobStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link JobStore} on PostgreSQL or H2. Creating a job inserts its item ledger with one {@code
 * INSERT ... SELECT}, so the creators due never pass through this process, however many there are.
 * A unique key keeps one job per date and a unique index one running job.
 */
public final class JdbcJobStore implements JobStore {

  private static final String JOB_COLUMNS =
      "id, job_date, status, total_items, created_at, started_at, finished_at, lease_owner,"
          + " lease_until";
  private static final String FINAL_STATUSES = "('DONE', 'FAILED', 'SKIPPED')";

  private static final Logger log = LoggerFactory.getLogger(JdbcJobStore.class);

  private final Jdbc jdbc;
  private final SqlDialect dialect;

  /**
   * A store over an already migrated schema; {@link JdbcStores#migrateAndCreate} migrates first. It
   * connects once, to tell the database.
   *
   * @param dataSource where the tables live, the same database as the creator store's
   * @throws io.rescrape.core.domain.StoreException when the database cannot be reached or is not
   *     supported
   */
  public JdbcJobStore(DataSource dataSource) {
    this(dataSource, SqlDialect.of(dataSource));
  }

  /**
   * A store over an already migrated schema of a known database.
   *
   * @param dataSource where the tables live, the same database as the creator store's
   * @param dialect the database behind it
   */
  public JdbcJobStore(DataSource dataSource, SqlDialect dialect) {
    this.jdbc = new Jdbc(dataSource);
    this.dialect = dialect;
  }

  @Override
  public DailyJobCreation createDailyJob(LocalDate date, Instant now) {
    // Only spares an id: the unique key, not this read, keeps the date to one job.
    Optional<DailyJob> existing = findByDate(date);
    if (existing.isPresent()) {
      return DailyJobCreation.existing(existing.get());
    }
    // Both databases keep microseconds, rounding finer times: cut them here, so that the job this
    // answers is the job every later read shows.
    Instant createdAt = now.truncatedTo(ChronoUnit.MICROS);
    DailyJobCreation creation =
        jdbc.inTransaction("create the daily job of " + date, c -> insertJob(c, date, createdAt));
    if (creation != null) {
      refreshLedgerStatistics();
      return creation;
    }
    return findByDate(date)
        .map(DailyJobCreation::existing)
        .orElseThrow(() -> new StoreException("the daily job of " + date + " vanished"));
  }

  /**
   * A new ledger may hold far more rows than the statistics PostgreSQL last gathered. Planned on
   * stale statistics, claims scan a job's finished rows over and over: measured at 200,000 items, 9
   * ms instead of 0.1 ms per claim. So the ledger is analyzed once per new job, a sample of rows
   * that takes well under a second. Best effort: a failure only costs speed.
   */
  private void refreshLedgerStatistics() {
    try {
      jdbc.withConnection(
          "analyze the item ledger",
          connection -> {
            if (connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
              try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE rescrape_job_items");
              }
            }
            return null;
          });
    } catch (StoreException e) {
      log.warn("Could not analyze the item ledger ({}); claims may be slower", e.getMessage());
    }
  }

  /** Returns null when another transaction already holds the date's job. */
  private static DailyJobCreation insertJob(Connection connection, LocalDate date, Instant now)
      throws SQLException {
    long id;
    try {
      id = insertJobRow(connection, date, now);
    } catch (SQLException e) {
      if (Jdbc.isUniqueViolation(e)) {
        connection.rollback();
        return null;
      }
      throw e;
    }
    int items =
        Jdbc.update(
            connection,
            "INSERT INTO rescrape_job_items (job_id, creator_id, platform, status, attempts)"
                + " SELECT ?, id, platform, 'PENDING', 0 FROM rescrape_creators"
                + " WHERE (next_due IS NULL OR next_due <= ?) AND gone_since IS NULL",
            s -> {
              s.setLong(1, id);
              setDate(s, 2, date);
            });
    if (items == 0) {
      connection.rollback();
      return DailyJobCreation.nothingDue(date);
    }
    Jdbc.update(
        connection,
        "UPDATE rescrape_jobs SET total_items = ? WHERE id = ?",
        s -> {
          s.setLong(1, items);
          s.setLong(2, id);
        });
    return DailyJobCreation.created(
        new DailyJob(new JobId(id), date, JobStatus.PENDING, items, now, null, null, null));
  }

  private static long insertJobRow(Connection connection, LocalDate date, Instant now)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT INTO rescrape_jobs (job_type, job_date, status, total_items, created_at)"
                + " VALUES (?, ?, 'PENDING', 0, ?)",
            new String[] {"id"})) {
      statement.setString(1, DailyJob.TYPE);
      setDate(statement, 2, date);
      setInstant(statement, 3, now);
      statement.executeUpdate();
      try (ResultSet keys = statement.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  @Override
  public Optional<DailyJob> find(JobId id) {
    return jdbc.queryOne(
        "read job " + id,
        "SELECT " + JOB_COLUMNS + " FROM rescrape_jobs WHERE id = ?",
        s -> s.setLong(1, id.value()),
        JdbcJobStore::job);
  }

  @Override
  public Optional<DailyJob> findByDate(LocalDate date) {
    return jdbc.queryOne(
        "read the daily job of " + date,
        "SELECT " + JOB_COLUMNS + " FROM rescrape_jobs WHERE job_type = ? AND job_date = ?",
        s -> {
          s.setString(1, DailyJob.TYPE);
          setDate(s, 2, date);
        },
        JdbcJobStore::job);
  }

  @Override
  public List<DailyJob> recent(int limit) {
    return jdbc.query(
        "list recent jobs",
        "SELECT " + JOB_COLUMNS + " FROM rescrape_jobs ORDER BY job_date DESC, id DESC LIMIT ?",
        s -> s.setInt(1, limit),
        JdbcJobStore::job);
  }

  @Override
  public List<DailyJob> runnable(Instant now) {
    return jdbc.query(
        "list runnable jobs",
        "SELECT "
            + JOB_COLUMNS
            + " FROM rescrape_jobs WHERE status IN ('PENDING', 'QUEUED', 'INTERRUPTED')"
            + " OR (status = 'RUNNING' AND lease_until <= ?) ORDER BY job_date, id",
        s -> setInstant(s, 1, now),
        JdbcJobStore::job);
  }

  @Override
  public Map<JobStatus, Long> countByStatus() {
    Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
    for (JobStatus status : JobStatus.values()) {
      counts.put(status, 0L);
    }
    jdbc.query(
        "count jobs by status",
        "SELECT status, COUNT(*) FROM rescrape_jobs GROUP BY status",
        s -> {},
        row -> counts.put(JobStatus.valueOf(row.getString(1)), row.getLong(2)));
    return counts;
  }

  @Override
  public Optional<DailyJob> running() {
    return jdbc.queryOne(
        "read the running job",
        "SELECT " + JOB_COLUMNS + " FROM rescrape_jobs WHERE status = 'RUNNING'",
        s -> {},
        JdbcJobStore::job);
  }

  @Override
  public StartOutcome start(JobId id, Lease lease, Instant now) {
    String sql =
        "UPDATE rescrape_jobs SET status = 'RUNNING', lease_owner = ?, lease_until = ?,"
            + " started_at = COALESCE(started_at, ?) WHERE id = ?"
            + " AND (status IN ('PENDING', 'QUEUED', 'INTERRUPTED', 'FAILED')"
            + " OR (status = 'RUNNING' AND lease_until <= ?))";
    return jdbc.inTransaction(
        "start job " + id,
        connection -> {
          try {
            int updated =
                Jdbc.update(
                    connection,
                    sql,
                    s -> {
                      s.setString(1, lease.owner());
                      setInstant(s, 2, lease.until());
                      setInstant(s, 3, now);
                      s.setLong(4, id.value());
                      setInstant(s, 5, now);
                    });
            return updated == 1 ? StartOutcome.STARTED : StartOutcome.NOT_STARTABLE;
          } catch (SQLException e) {
            if (Jdbc.isUniqueViolation(e)) {
              connection.rollback();
              return StartOutcome.BLOCKED;
            }
            throw e;
          }
        });
  }

  @Override
  public boolean renewLease(JobId id, Lease lease) {
    return jdbc.update(
            "renew the lease of job " + id,
            "UPDATE rescrape_jobs SET lease_until = ? WHERE id = ? AND status = 'RUNNING'"
                + " AND lease_owner = ?",
            s -> {
              setInstant(s, 1, lease.until());
              s.setLong(2, id.value());
              s.setString(3, lease.owner());
            })
        == 1;
  }

  @Override
  public int renewItemLeases(JobId id, Lease lease) {
    return jdbc.update(
        "renew the item leases of " + lease.owner() + " in job " + id,
        "UPDATE rescrape_job_items SET lease_until = ? WHERE job_id = ?"
            + " AND status = 'IN_PROGRESS' AND lease_owner = ?",
        s -> {
          setInstant(s, 1, lease.until());
          s.setLong(2, id.value());
          s.setString(3, lease.owner());
        });
  }

  @Override
  public boolean finish(JobId id, String owner, JobStatus status, Instant now) {
    return jdbc.update(
            "stop job " + id + " as " + status,
            "UPDATE rescrape_jobs SET status = ?, lease_owner = NULL, lease_until = NULL,"
                + " finished_at = ? WHERE id = ? AND status = 'RUNNING' AND lease_owner = ?",
            s -> {
              s.setString(1, status.name());
              setInstant(s, 2, now);
              s.setLong(3, id.value());
              s.setString(4, owner);
            })
        == 1;
  }

  @Override
  public boolean markQueued(JobId id) {
    return jdbc.update(
            "queue job " + id,
            "UPDATE rescrape_jobs SET status = 'QUEUED' WHERE id = ?"
                + " AND status IN ('PENDING', 'INTERRUPTED')",
            s -> s.setLong(1, id.value()))
        == 1;
  }

  @Override
  public boolean cancel(JobId id, Instant now) {
    return jdbc.update(
            "cancel job " + id,
            "UPDATE rescrape_jobs SET status = 'CANCELLED', lease_owner = NULL,"
                + " lease_until = NULL, finished_at = ? WHERE id = ?"
                + " AND status NOT IN ('COMPLETED', 'CANCELLED')",
            s -> {
              setInstant(s, 1, now);
              s.setLong(2, id.value());
            })
        == 1;
  }

  @Override
  public long retryFailed(JobId id, Instant now) {
    return jdbc.inTransaction(
        "reopen the failed creators of job " + id,
        connection -> {
          int reopenable =
              Jdbc.update(
                  connection,
                  "UPDATE rescrape_jobs SET status = 'PENDING', finished_at = NULL WHERE id = ?"
                      + " AND status IN ('COMPLETED', 'FAILED', 'INTERRUPTED', 'PENDING',"
                      + " 'QUEUED')",
                  s -> s.setLong(1, id.value()));
          if (reopenable == 0) {
            return 0L;
          }
          long reopened =
              Jdbc.update(
                  connection,
                  // The outcome stays: it marks the item as tried before in this job.
                  "UPDATE rescrape_job_items SET status = 'PENDING', attempts = 0,"
                      + " not_before = NULL, finished_at = NULL"
                      + " WHERE job_id = ? AND status = 'FAILED' AND NOT EXISTS (SELECT 1"
                      + " FROM rescrape_creators c WHERE c.id = rescrape_job_items.creator_id"
                      + " AND c.gone_reason = 'REMOVED')",
                  s -> s.setLong(1, id.value()));
          if (reopened == 0) {
            connection.rollback();
          }
          return reopened;
        });
  }

  @Override
  public long skipPending(CreatorId creator, String message, Instant now) {
    return jdbc.update(
        "skip the pending items of creator " + creator,
        "UPDATE rescrape_job_items SET status = 'SKIPPED', outcome = NULL, message = ?,"
            + " finished_at = ?, lease_owner = NULL, lease_until = NULL"
            + " WHERE creator_id = ? AND status = 'PENDING' AND job_id IN"
            + " (SELECT id FROM rescrape_jobs WHERE status NOT IN ('COMPLETED', 'CANCELLED'))",
        s -> {
          setText(s, 1, message, 500);
          setInstant(s, 2, now);
          s.setLong(3, creator.value());
        });
  }

  @Override
  public void record(JobId id, List<ItemResult> results, String owner, Instant now) {
    List<ItemResult> finals = results.stream().filter(r -> r.status().isFinal()).toList();
    List<ItemResult> retries = results.stream().filter(r -> !r.status().isFinal()).toList();
    jdbc.inTransaction(
        "record " + results.size() + " results of job " + id,
        connection -> {
          if (dialect == SqlDialect.POSTGRESQL && finals.size() > 1) {
            recordFinalsAtOnce(connection, id, finals, now);
          } else {
            batch(connection, FINAL_SQL, finals, (s, result) -> bindFinal(s, id, result, now));
          }
          batch(connection, RETRY_SQL, retries, (s, result) -> bindRetry(s, id, result, owner));
          return null;
        });
  }

  /** PostgreSQL: one statement for the whole batch, its rows passed as arrays. */
  private static void recordFinalsAtOnce(
      Connection connection, JobId id, List<ItemResult> finals, Instant now) throws SQLException {
    Unnest<ItemResult> rows =
        new Unnest<>(finals)
            .column("bigint", result -> result.creatorId().value())
            .column("text", result -> result.status().name())
            .column("text", result -> result.outcome() == null ? null : result.outcome().name())
            .column("text", result -> truncated(result.message(), 500));
    Jdbc.update(
        connection,
        "UPDATE rescrape_job_items i SET status = r.status, outcome = r.outcome,"
            + " message = r.message, finished_at = ?, lease_owner = NULL, lease_until = NULL"
            + " FROM "
            + rows.sql()
            + " AS r(creator_id, status, outcome, message)"
            + " WHERE i.job_id = ? AND i.creator_id = r.creator_id AND i.status NOT IN "
            + FINAL_STATUSES,
        s -> {
          setInstant(s, 1, now);
          s.setLong(rows.bind(s, 2), id.value());
        });
  }

  private static final String FINAL_SQL =
      "UPDATE rescrape_job_items SET status = ?, outcome = ?, message = ?, finished_at = ?,"
          + " lease_owner = NULL, lease_until = NULL WHERE job_id = ? AND creator_id = ?"
          + " AND status NOT IN "
          + FINAL_STATUSES;

  private static final String RETRY_SQL =
      "UPDATE rescrape_job_items SET status = 'PENDING', outcome = ?, message = ?,"
          + " not_before = ?, attempts = GREATEST(attempts - ?, 0), lease_owner = NULL,"
          + " lease_until = NULL WHERE job_id = ? AND creator_id = ? AND status = 'IN_PROGRESS'"
          + " AND lease_owner = ?";

  private static void bindFinal(PreparedStatement s, JobId id, ItemResult result, Instant now)
      throws SQLException {
    s.setString(1, result.status().name());
    setText(s, 2, result.outcome() == null ? null : result.outcome().name(), 24);
    setText(s, 3, result.message(), 500);
    setInstant(s, 4, now);
    s.setLong(5, id.value());
    s.setLong(6, result.creatorId().value());
  }

  private static void bindRetry(PreparedStatement s, JobId id, ItemResult result, String owner)
      throws SQLException {
    setText(s, 1, result.outcome() == null ? null : result.outcome().name(), 24);
    setText(s, 2, result.message(), 500);
    setInstant(s, 3, result.retryAt());
    s.setInt(4, result.refundAttempt() ? 1 : 0);
    s.setLong(5, id.value());
    s.setLong(6, result.creatorId().value());
    s.setString(7, owner);
  }

  @Override
  public JobProgress progress(JobId id) {
    return progressByPlatform(id).values().stream().reduce(JobProgress.EMPTY, JobProgress::plus);
  }

  @Override
  public Map<Platform, JobProgress> progressByPlatform(JobId id) {
    Map<Platform, Map<ItemStatus, Long>> counts = new EnumMap<>(Platform.class);
    jdbc.query(
        "count the items of job " + id,
        "SELECT platform, status, COUNT(*) FROM rescrape_job_items WHERE job_id = ?"
            + " GROUP BY platform, status",
        s -> s.setLong(1, id.value()),
        row ->
            counts
                .computeIfAbsent(
                    Platform.parse(row.getString(1)), p -> new EnumMap<>(ItemStatus.class))
                .put(ItemStatus.valueOf(row.getString(2)), row.getLong(3)));
    Map<Platform, JobProgress> progress = new EnumMap<>(Platform.class);
    counts.forEach((platform, byStatus) -> progress.put(platform, JobProgress.of(byStatus)));
    return progress;
  }

  @Override
  public Map<ScrapeOutcome, Long> failureCounts(JobId id) {
    Map<ScrapeOutcome, Long> counts = new EnumMap<>(ScrapeOutcome.class);
    jdbc.query(
        "count the failures of job " + id,
        "SELECT outcome, COUNT(*) FROM rescrape_job_items WHERE job_id = ? AND status = 'FAILED'"
            + " GROUP BY outcome",
        s -> s.setLong(1, id.value()),
        row -> counts.put(ScrapeOutcome.valueOf(row.getString(1)), row.getLong(2)));
    return counts;
  }

  @Override
  public List<ItemFailure> failures(JobId id, int offset, int limit) {
    return jdbc.query(
        "list the failures of job " + id,
        "SELECT i.creator_id, i.platform, c.handle, c.display_handle, i.outcome, i.message,"
            + " i.attempts,"
            + " i.finished_at FROM rescrape_job_items i JOIN rescrape_creators c"
            + " ON c.id = i.creator_id WHERE i.job_id = ? AND i.status = 'FAILED'"
            + " ORDER BY i.creator_id LIMIT ? OFFSET ?",
        s -> {
          s.setLong(1, id.value());
          s.setInt(2, limit);
          s.setInt(3, offset);
        },
        row ->
            new ItemFailure(
                new CreatorId(row.getLong("creator_id")),
                Platform.parse(row.getString("platform")),
                new Handle(row.getString("handle")),
                row.getString("display_handle"),
                ScrapeOutcome.valueOf(row.getString("outcome")),
                row.getString("message") == null ? "" : row.getString("message"),
                row.getInt("attempts"),
                getInstant(row, "finished_at")));
  }

  private static DailyJob job(ResultSet row) throws SQLException {
    String owner = row.getString("lease_owner");
    Instant until = getInstant(row, "lease_until");
    return new DailyJob(
        new JobId(row.getLong("id")),
        getDate(row, "job_date"),
        JobStatus.valueOf(row.getString("status")),
        row.getLong("total_items"),
        getInstant(row, "created_at"),
        getInstant(row, "started_at"),
        getInstant(row, "finished_at"),
        owner == null || until == null ? null : new Lease(owner, until));
  }
}
