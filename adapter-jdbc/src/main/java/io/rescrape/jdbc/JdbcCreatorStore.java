package io.rescrape.jdbc;

import static io.rescrape.jdbc.Jdbc.getBoolean;
import static io.rescrape.jdbc.Jdbc.getDate;
import static io.rescrape.jdbc.Jdbc.getInstant;
import static io.rescrape.jdbc.Jdbc.getLong;
import static io.rescrape.jdbc.Jdbc.setBoolean;
import static io.rescrape.jdbc.Jdbc.setDate;
import static io.rescrape.jdbc.Jdbc.setInstant;
import static io.rescrape.jdbc.Jdbc.setLong;
import static io.rescrape.jdbc.Jdbc.setText;

import com.google.common.collect.Lists;
import io.rescrape.core.domain.Creator;
import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.CreatorVisit;
import io.rescrape.core.domain.CycleDay;
import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.PlacedCreator;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.Profile;
import io.rescrape.core.domain.ProfileStats;
import io.rescrape.core.domain.ScheduledCreator;
import io.rescrape.core.port.CreatorStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/** A {@link CreatorStore} on PostgreSQL or H2. Batches every write; reads pages, never all. */
public final class JdbcCreatorStore implements CreatorStore {

  private static final int BATCH = 1_000;
  private static final String COLUMNS =
      "id, platform, handle, cycle_day, next_due, last_scraped_at, platform_user_id, display_name,"
          + " biography, verified, private_account, followers, following, posts, likes, added_at";

  private final Jdbc jdbc;
  private final SqlDialect dialect;

  /**
   * A store over an already migrated schema; {@link JdbcStores#migrateAndCreate} migrates first.
   *
   * @param dataSource where the tables live; a pooled one in production
   * @param dialect the database behind it, which picks the SQL for bulk inserts
   */
  public JdbcCreatorStore(DataSource dataSource, SqlDialect dialect) {
    this.jdbc = new Jdbc(dataSource);
    this.dialect = dialect;
  }

  @Override
  public List<Optional<CreatorId>> addAll(List<PlacedCreator> creators, Instant addedAt) {
    List<Optional<CreatorId>> ids = new ArrayList<>(creators.size());
    for (List<PlacedCreator> batch : Lists.partition(creators, BATCH)) {
      ids.addAll(
          jdbc.inTransaction(
              "add " + batch.size() + " creators",
              connection ->
                  dialect == SqlDialect.POSTGRESQL
                      ? insertSkippingDuplicates(connection, batch, addedAt)
                      : insertOneByOne(connection, batch, addedAt)));
    }
    return ids;
  }

  /** One multi-row statement; ON CONFLICT also drops a handle repeated within the batch. */
  private static List<Optional<CreatorId>> insertSkippingDuplicates(
      Connection connection, List<PlacedCreator> batch, Instant addedAt) throws SQLException {
    String values =
        String.join(", ", java.util.Collections.nCopies(batch.size(), "(?, ?, ?, ?, ?, ?)"));
    String sql =
        "INSERT INTO rescrape_creators (platform, handle, cycle_day, next_due, last_scraped_at,"
            + " added_at) VALUES "
            + values
            + " ON CONFLICT (platform, handle) DO NOTHING RETURNING id, platform, handle";
    Map<String, CreatorId> added = new HashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int index = 1;
      for (PlacedCreator creator : batch) {
        index = bindNew(statement, index, creator, addedAt);
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          added.put(
              key(rows.getString("platform"), rows.getString("handle")),
              new CreatorId(rows.getLong("id")));
        }
      }
    }
    List<Optional<CreatorId>> ids = new ArrayList<>(batch.size());
    for (PlacedCreator creator : batch) {
      ids.add(Optional.ofNullable(added.remove(key(creator))));
    }
    return ids;
  }

  /** H2 has no ON CONFLICT; a failed insert there leaves the transaction usable. */
  private static List<Optional<CreatorId>> insertOneByOne(
      Connection connection, List<PlacedCreator> batch, Instant addedAt) throws SQLException {
    String sql =
        "INSERT INTO rescrape_creators (platform, handle, cycle_day, next_due, last_scraped_at,"
            + " added_at) VALUES (?, ?, ?, ?, ?, ?)";
    List<Optional<CreatorId>> ids = new ArrayList<>(batch.size());
    try (PreparedStatement statement = connection.prepareStatement(sql, new String[] {"id"})) {
      for (PlacedCreator creator : batch) {
        bindNew(statement, 1, creator, addedAt);
        ids.add(insertOrSkip(statement));
      }
    }
    return ids;
  }

  private static Optional<CreatorId> insertOrSkip(PreparedStatement statement) throws SQLException {
    try {
      statement.executeUpdate();
    } catch (SQLException e) {
      if (Jdbc.isUniqueViolation(e)) {
        return Optional.empty();
      }
      throw e;
    }
    try (ResultSet keys = statement.getGeneratedKeys()) {
      keys.next();
      return Optional.of(new CreatorId(keys.getLong(1)));
    }
  }

  private static int bindNew(
      PreparedStatement statement, int index, PlacedCreator placed, Instant addedAt)
      throws SQLException {
    statement.setString(index++, placed.creator().platform().id());
    statement.setString(index++, placed.creator().handle().value());
    statement.setInt(index++, placed.day().index());
    setDate(statement, index++, placed.nextDue());
    setInstant(statement, index++, placed.creator().lastScrapedAt());
    setInstant(statement, index++, addedAt);
    return index;
  }

  @Override
  public Optional<Creator> find(CreatorId id) {
    return jdbc.queryOne(
        "read creator " + id,
        "SELECT " + COLUMNS + " FROM rescrape_creators WHERE id = ?",
        s -> s.setLong(1, id.value()),
        JdbcCreatorStore::creator);
  }

  @Override
  public Optional<Creator> find(Platform platform, Handle handle) {
    return jdbc.queryOne(
        "read creator " + platform + "/" + handle,
        "SELECT " + COLUMNS + " FROM rescrape_creators WHERE platform = ? AND handle = ?",
        s -> {
          s.setString(1, platform.id());
          s.setString(2, handle.value());
        },
        JdbcCreatorStore::creator);
  }

  @Override
  public Map<CycleDay, Long> countByDay() {
    Map<CycleDay, Long> counts = new TreeMap<>();
    jdbc.query(
            "count creators per day",
            "SELECT cycle_day, COUNT(*) FROM rescrape_creators GROUP BY cycle_day",
            s -> {},
            row -> Map.entry(new CycleDay(row.getInt(1)), row.getLong(2)))
        .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
    return counts;
  }

  @Override
  public long count() {
    return jdbc.count("count creators", "SELECT COUNT(*) FROM rescrape_creators", s -> {});
  }

  @Override
  public long countDueOn(LocalDate date) {
    return jdbc.count(
        "count creators due on " + date,
        "SELECT COUNT(*) FROM rescrape_creators WHERE next_due IS NULL OR next_due <= ?",
        s -> setDate(s, 1, date));
  }

  @Override
  public long countScheduledFor(LocalDate date) {
    return jdbc.count(
        "count creators scheduled for " + date,
        "SELECT COUNT(*) FROM rescrape_creators WHERE next_due = ?",
        s -> setDate(s, 1, date));
  }

  @Override
  public void recordVisits(List<CreatorVisit> visits) {
    String sql =
        "UPDATE rescrape_creators SET last_scraped_at = ?, next_due = ?,"
            + " platform_user_id = COALESCE(?, platform_user_id),"
            + " display_name = COALESCE(?, display_name), biography = COALESCE(?, biography),"
            + " verified = COALESCE(?, verified), private_account = COALESCE(?, private_account),"
            + " followers = COALESCE(?, followers), following = COALESCE(?, following),"
            + " posts = COALESCE(?, posts), likes = COALESCE(?, likes)"
            + " WHERE id = ?";
    jdbc.inTransaction(
        "record " + visits.size() + " visits",
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (CreatorVisit visit : visits) {
              bindVisit(statement, visit);
              statement.addBatch();
            }
            return statement.executeBatch();
          }
        });
  }

  private static void bindVisit(PreparedStatement statement, CreatorVisit visit)
      throws SQLException {
    Profile profile = visit.profile();
    ProfileStats stats = profile == null ? ProfileStats.UNKNOWN : profile.stats();
    setInstant(statement, 1, visit.scrapedAt());
    setDate(statement, 2, visit.nextDue());
    setText(statement, 3, profile == null ? null : profile.platformUserId(), 64);
    setText(statement, 4, profile == null ? null : profile.displayName(), 256);
    setText(statement, 5, profile == null ? null : profile.biography(), 4000);
    setBoolean(statement, 6, profile == null ? null : profile.verified());
    setBoolean(statement, 7, profile == null ? null : profile.privateAccount());
    setLong(statement, 8, stats.followers());
    setLong(statement, 9, stats.following());
    setLong(statement, 10, stats.posts());
    setLong(statement, 11, stats.likes());
    statement.setLong(12, visit.creatorId().value());
  }

  @Override
  public List<ScheduledCreator> onDay(CycleDay day, int limit) {
    return jdbc.query(
        "list creators on cycle day " + day.index(),
        "SELECT id, cycle_day, next_due FROM rescrape_creators WHERE cycle_day = ?"
            + " ORDER BY id DESC LIMIT ?",
        s -> {
          s.setInt(1, day.index());
          s.setInt(2, limit);
        },
        row ->
            new ScheduledCreator(
                new CreatorId(row.getLong("id")),
                new CycleDay(row.getInt("cycle_day")),
                getDate(row, "next_due")));
  }

  @Override
  public void reschedule(List<ScheduledCreator> schedules) {
    jdbc.inTransaction(
        "reschedule " + schedules.size() + " creators",
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "UPDATE rescrape_creators SET cycle_day = ?, next_due = ? WHERE id = ?")) {
            for (ScheduledCreator schedule : schedules) {
              statement.setInt(1, schedule.day().index());
              setDate(statement, 2, schedule.nextDue());
              statement.setLong(3, schedule.id().value());
              statement.addBatch();
            }
            return statement.executeBatch();
          }
        });
  }

  private static Creator creator(ResultSet row) throws SQLException {
    Platform platform = Platform.parse(row.getString("platform"));
    Instant lastScrapedAt = getInstant(row, "last_scraped_at");
    return new Creator(
        new CreatorId(row.getLong("id")),
        platform,
        new Handle(row.getString("handle")),
        new CycleDay(row.getInt("cycle_day")),
        getDate(row, "next_due"),
        lastScrapedAt,
        profile(row),
        getInstant(row, "added_at"));
  }

  /** Null until the first visit stored something. */
  private static Profile profile(ResultSet row) throws SQLException {
    Profile profile =
        new Profile(
            row.getString("platform_user_id"),
            row.getString("display_name"),
            row.getString("biography"),
            getBoolean(row, "verified"),
            getBoolean(row, "private_account"),
            new ProfileStats(
                getLong(row, "followers"),
                getLong(row, "following"),
                getLong(row, "posts"),
                getLong(row, "likes")));
    boolean empty = profile.equals(new Profile(null, null, null, null, null, ProfileStats.UNKNOWN));
    return empty ? null : profile;
  }

  private static String key(PlacedCreator creator) {
    return key(creator.creator().platform().id(), creator.creator().handle().value());
  }

  private static String key(String platform, String handle) {
    return platform + "/" + handle;
  }
}
