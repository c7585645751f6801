package io.rescrape.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A batch's rows passed to PostgreSQL as one array per column, for {@code unnest}: the server runs
 * one statement for the whole batch instead of one per row, which is what keeps a fast drain's
 * writes from pacing it.
 *
 * <pre>{@code
 * Unnest<ItemResult> rows = new Unnest<>(results).column("bigint", r -> r.creatorId().value());
 * String sql = "UPDATE t SET ... FROM " + rows.sql() + " AS r(creator_id) WHERE ...";
 * }</pre>
 *
 * @param <T> the type of a row
 */
final class Unnest<T> {

  private final List<T> rows;
  private final List<String> types = new ArrayList<>();
  private final List<Function<T, @Nullable Object>> columns = new ArrayList<>();

  Unnest(List<T> rows) {
    this.rows = rows;
  }

  /**
   * Adds a column.
   *
   * @param type its PostgreSQL type; a value is sent as text in that type's input format, so an
   *     instant goes as its ISO-8601 string
   * @param value the column's value in a row, null for SQL NULL
   */
  Unnest<T> column(String type, Function<T, @Nullable Object> value) {
    types.add(type);
    columns.add(value);
    return this;
  }

  /** {@return {@code unnest(?::type[], ...)}, with a parameter per column} */
  String sql() {
    return types.stream()
        .map(type -> "?::" + type + "[]")
        .collect(Collectors.joining(", ", "unnest(", ")"));
  }

  /**
   * Binds the columns' arrays from parameter {@code first} on.
   *
   * @return the index of the next parameter
   */
  int bind(PreparedStatement statement, int first) throws SQLException {
    Connection connection = statement.getConnection();
    for (int column = 0; column < columns.size(); column++) {
      String[] values = new String[rows.size()];
      for (int row = 0; row < rows.size(); row++) {
        Object value = columns.get(column).apply(rows.get(row));
        values[row] = value == null ? null : value.toString();
      }
      statement.setArray(first + column, connection.createArrayOf(types.get(column), values));
    }
    return first + columns.size();
  }
}
