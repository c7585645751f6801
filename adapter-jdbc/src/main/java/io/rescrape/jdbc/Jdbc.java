package io.rescrape.jdbc;

import io.rescrape.core.domain.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The little JDBC plumbing the stores share: connections, transactions with retries on lock
 * conflicts, UTC instants, and translation of {@link SQLException} into {@link StoreException} so
 * nothing driver-specific leaves the adapter.
 */
final class Jdbc {

  /** Unique constraint violated: a second job for a date, a second running job. */
  static final String UNIQUE_VIOLATION = "23505";

  /** Conflicts worth retrying: serialization failure, deadlock, H2 lock timeout. */
  private static final Set<String> RETRYABLE_STATES = Set.of("40001", "40P01", "HYT00");

  /** H2's "concurrent update in table": another transaction changed the row first. */
  private static final int H2_CONCURRENT_UPDATE = 90131;

  private static final int ATTEMPTS = 5;

  private final DataSource dataSource;

  Jdbc(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Work done with one connection; may throw {@link SQLException}. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Binds the parameters of one statement. */
  @FunctionalInterface
  interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  /** Binds the parameters of one row of a batch. */
  @FunctionalInterface
  interface RowBinder<T> {
    void bind(PreparedStatement statement, T row) throws SQLException;
  }

  /** Reads one row. */
  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  /** Runs {@code work} in one transaction, retried a few times on lock conflicts. */
  <T> T inTransaction(String action, Work<T> work) {
    SQLException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try (Connection connection = dataSource.getConnection()) {
        return inTransaction(connection, work);
      } catch (SQLException e) {
        if (!isRetryable(e)) {
          throw failure(action, e);
        }
        last = e;
        backOff(attempt);
      }
    }
    throw failure(action, last);
  }

  /** Runs {@code work} on a connection in auto-commit mode. */
  <T> T withConnection(String action, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true);
      return work.run(connection);
    } catch (SQLException e) {
      throw failure(action, e);
    }
  }

  int update(String action, String sql, Binder binder) {
    return inTransaction(action, connection -> update(connection, sql, binder));
  }

  <T> List<T> query(String action, String sql, Binder binder, RowMapper<T> mapper) {
    return withConnection(action, connection -> query(connection, sql, binder, mapper));
  }

  <T> Optional<T> queryOne(String action, String sql, Binder binder, RowMapper<T> mapper) {
    List<T> rows = query(action, sql, binder, mapper);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  long count(String action, String sql, Binder binder) {
    return queryOne(action, sql, binder, row -> row.getLong(1)).orElse(0L);
  }

  static int update(Connection connection, String sql, Binder binder) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      binder.bind(statement);
      return statement.executeUpdate();
    }
  }

  /** Runs {@code sql} once per row as one JDBC batch; nothing at all for no rows. */
  static <T> void batch(Connection connection, String sql, List<T> rows, RowBinder<T> binder)
      throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (T row : rows) {
        binder.bind(statement, row);
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  static <T> List<T> query(Connection connection, String sql, Binder binder, RowMapper<T> mapper)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      binder.bind(statement);
      try (ResultSet rows = statement.executeQuery()) {
        List<T> result = new ArrayList<>();
        while (rows.next()) {
          result.add(mapper.map(rows));
        }
        return result;
      }
    }
  }

  static void setInstant(PreparedStatement statement, int index, @Nullable Instant instant)
      throws SQLException {
    if (instant == null) {
      statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
  }

  static @Nullable Instant getInstant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static void setDate(PreparedStatement statement, int index, @Nullable LocalDate date)
      throws SQLException {
    if (date == null) {
      statement.setNull(index, Types.DATE);
    } else {
      statement.setObject(index, date);
    }
  }

  static @Nullable LocalDate getDate(ResultSet row, String column) throws SQLException {
    return row.getObject(column, LocalDate.class);
  }

  static void setLong(PreparedStatement statement, int index, @Nullable Long value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, value);
    }
  }

  static @Nullable Long getLong(ResultSet row, String column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : value;
  }

  static void setBoolean(PreparedStatement statement, int index, @Nullable Boolean value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.BOOLEAN);
    } else {
      statement.setBoolean(index, value);
    }
  }

  static @Nullable Boolean getBoolean(ResultSet row, String column) throws SQLException {
    boolean value = row.getBoolean(column);
    return row.wasNull() ? null : value;
  }

  static void setText(PreparedStatement statement, int index, @Nullable String value, int max)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.VARCHAR);
    } else {
      statement.setString(index, truncated(value, max));
    }
  }

  /** {@return at most the first {@code max} characters of {@code value}, as its column holds} */
  static @Nullable String truncated(@Nullable String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }

  static boolean isUniqueViolation(SQLException e) {
    return UNIQUE_VIOLATION.equals(e.getSQLState());
  }

  private static <T> T inTransaction(Connection connection, Work<T> work) throws SQLException {
    connection.setAutoCommit(false);
    try {
      T result = work.run(connection);
      connection.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(connection, e);
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private static void rollbackQuietly(Connection connection, Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private static boolean isRetryable(SQLException e) {
    // A pool or driver may leave the state out: Set.of(...).contains(null) would throw.
    String state = e.getSQLState();
    return state != null && RETRYABLE_STATES.contains(state)
        || e.getErrorCode() == H2_CONCURRENT_UPDATE;
  }

  private static void backOff(int attempt) {
    try {
      Thread.sleep(10L * attempt * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static StoreException failure(String action, SQLException e) {
    return new StoreException(
        "could not " + action + ": " + e.getMessage() + " [SQLState " + e.getSQLState() + "]", e);
  }
}
