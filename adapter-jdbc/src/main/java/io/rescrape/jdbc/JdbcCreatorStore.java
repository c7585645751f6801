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
import static io.rescrape.jdbc.Jdbc.truncated;

import com.google.common.collect.Lists;
import io.rescrape.core.domain.Creator;
import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.CreatorQuery;
import io.rescrape.core.domain.CreatorVisit;
import io.rescrape.core.domain.CycleDay;
import io.rescrape.core.domain.GoneReason;
import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.NotFoundAnswer;
import io.rescrape.core.domain.NotFoundStreak;
import io.rescrape.core.domain.PlacedCreator;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.Profile;
import io.rescrape.core.domain.ProfileStats;
import io.rescrape.core.domain.ScheduledCreator;
import io.rescrape.core.domain.StatsSnapshot;
import io.rescrape.core.port.CreatorStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A {@link CreatorStore} on PostgreSQL or H2. Batches every write; reads pages, never all. Stats
 * snapshots live in {@code rescrape_creator_stats}, written in the transaction of their visits.
 */
public final class JdbcCreatorStore implements CreatorStore {

  private static final int BATCH = 1_000;
  private static final String COLUMNS =
      "id, platform, handle, display_handle, cycle_day, next_due, last_scraped_at,"
          + " platform_user_id, display_name, biography, verified, private_account, followers,"
          + " following, posts, likes, added_at, not_found_dates, first_not_found_on,"
          + " last_not_found_on, gone_since, gone_reason";
  private static final String ON_SCHEDULE = "gone_since IS NULL";

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
    String values = String.join(", ", Collections.nCopies(batch.size(), "(?, ?, ?, ?, ?, ?, ?)"));
    String sql =
        "INSERT INTO rescrape_creators (platform, handle, display_handle, cycle_day, next_due,"
            + " last_scraped_at, added_at) VALUES "
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
        "INSERT INTO rescrape_creators (platform, handle, display_handle, cycle_day, next_due,"
            + " last_scraped_at, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
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
    statement.setString(index++, placed.creator().displayHandle());
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

  /**
   * Walks the primary key from {@code after} and stops once the page is full. No index serves a
   * substring of the handle, so a text that few creators match reads far along the table first.
   */
  @Override
  public List<Creator> search(CreatorQuery query) {
    List<String> conditions = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    if (query.after() != null) {
      conditions.add("id > ?");
      values.add(query.after().value());
    }
    if (query.platform() != null) {
      conditions.add("platform = ?");
      values.add(query.platform().id());
    }
    if (query.text() != null) {
      conditions.add("handle LIKE ? ESCAPE '\\'");
      values.add("%" + literalInLike(query.text()) + "%");
    }
    if (!query.includeGone()) {
      conditions.add(ON_SCHEDULE);
    }
    values.add(query.limit());
    String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    return jdbc.query(
        "search creators",
        "SELECT " + COLUMNS + " FROM rescrape_creators" + where + " ORDER BY id LIMIT ?",
        s -> {
          for (int i = 0; i < values.size(); i++) {
            s.setObject(i + 1, values.get(i));
          }
        },
        JdbcCreatorStore::creator);
  }

  /** Escapes the characters LIKE gives a meaning, so that the text matches only itself. */
  private static String literalInLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  @Override
  public List<Optional<CreatorId>> returnGone(List<PlacedCreator> creators) {
    List<Optional<CreatorId>> ids = new ArrayList<>(creators.size());
    for (List<PlacedCreator> batch : Lists.partition(creators, BATCH)) {
      ids.addAll(
          jdbc.inTransaction(
              "bring back " + batch.size() + " gone creators",
              connection -> returnGone(connection, batch)));
    }
    return ids;
  }

  private static List<Optional<CreatorId>> returnGone(
      Connection connection, List<PlacedCreator> batch) throws SQLException {
    int[] updated;
    try (PreparedStatement statement =
        connection.prepareStatement(
            "UPDATE rescrape_creators SET cycle_day = ?, next_due = NULL, gone_since = NULL,"
                + " gone_reason = NULL, not_found_dates = NULL, first_not_found_on = NULL,"
                + " last_not_found_on = NULL WHERE platform = ? AND handle = ?"
                + " AND gone_since IS NOT NULL")) {
      for (PlacedCreator placed : batch) {
        statement.setInt(1, placed.day().index());
        statement.setString(2, placed.creator().platform().id());
        statement.setString(3, placed.creator().handle().value());
        statement.addBatch();
      }
      updated = statement.executeBatch();
    }
    List<Optional<CreatorId>> ids = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      ids.add(updated[i] > 0 ? idOf(connection, batch.get(i)) : Optional.empty());
    }
    return ids;
  }

  private static Optional<CreatorId> idOf(Connection connection, PlacedCreator placed)
      throws SQLException {
    List<CreatorId> ids =
        Jdbc.query(
            connection,
            "SELECT id FROM rescrape_creators WHERE platform = ? AND handle = ?",
            s -> {
              s.setString(1, placed.creator().platform().id());
              s.setString(2, placed.creator().handle().value());
            },
            row -> new CreatorId(row.getLong(1)));
    return ids.stream().findFirst();
  }

  @Override
  public Optional<Creator> remove(CreatorId id, Instant at) {
    return jdbc.inTransaction(
        "remove creator " + id,
        connection -> {
          int updated =
              Jdbc.update(
                  connection,
                  "UPDATE rescrape_creators SET gone_since = ?, gone_reason = 'REMOVED'"
                      + " WHERE id = ? AND (gone_reason IS NULL OR gone_reason <> 'REMOVED')",
                  s -> {
                    setInstant(s, 1, at);
                    s.setLong(2, id.value());
                  });
          if (updated == 0) {
            return Optional.empty();
          }
          return Jdbc.query(
                  connection,
                  "SELECT " + COLUMNS + " FROM rescrape_creators WHERE id = ?",
                  s -> s.setLong(1, id.value()),
                  JdbcCreatorStore::creator)
              .stream()
              .findFirst();
        });
  }

  @Override
  public List<Creator> recordNotFound(List<NotFoundAnswer> answers, int goneAfter) {
    List<Creator> markedGone = new ArrayList<>();
    for (List<NotFoundAnswer> batch : Lists.partition(answers, BATCH)) {
      markedGone.addAll(
          jdbc.inTransaction(
              "record " + batch.size() + " NOT_FOUND answers",
              connection -> recordNotFound(connection, batch, goneAfter)));
    }
    return markedGone;
  }

  /** Locks the rows first, so that the streaks counted here are the ones written back. */
  private static List<Creator> recordNotFound(
      Connection connection, List<NotFoundAnswer> batch, int goneAfter) throws SQLException {
    Map<CreatorId, Creator> before = new LinkedHashMap<>();
    for (Creator creator : lockForUpdate(connection, batch)) {
      before.put(creator.id(), creator);
    }
    Map<CreatorId, Creator> after = new LinkedHashMap<>(before);
    for (NotFoundAnswer answer : batch) {
      Creator current = after.get(answer.creatorId());
      if (current != null) {
        after.put(current.id(), current.notFoundIn(answer.jobDate(), answer.at(), goneAfter));
      }
    }
    try (PreparedStatement statement =
        connection.prepareStatement(
            "UPDATE rescrape_creators SET not_found_dates = ?, first_not_found_on = ?,"
                + " last_not_found_on = ?, gone_since = ?, gone_reason = ? WHERE id = ?")) {
      for (Creator creator : after.values()) {
        NotFoundStreak streak = creator.notFound();
        GoneReason reason = creator.goneReason();
        statement.setInt(1, streak.dates());
        setDate(statement, 2, streak.firstOn());
        setDate(statement, 3, streak.lastOn());
        setInstant(statement, 4, creator.goneSince());
        statement.setString(5, reason == null ? null : reason.name());
        statement.setLong(6, creator.id().value());
        statement.addBatch();
      }
      statement.executeBatch();
    }
    return after.values().stream()
        .filter(creator -> creator.isGone() && !before.get(creator.id()).isGone())
        .toList();
  }

  private static List<Creator> lockForUpdate(Connection connection, List<NotFoundAnswer> batch)
      throws SQLException {
    String placeholders = String.join(", ", Collections.nCopies(batch.size(), "?"));
    return Jdbc.query(
        connection,
        "SELECT "
            + COLUMNS
            + " FROM rescrape_creators WHERE id IN ("
            + placeholders
            + ") ORDER BY id FOR UPDATE",
        s -> {
          for (int i = 0; i < batch.size(); i++) {
            s.setLong(i + 1, batch.get(i).creatorId().value());
          }
        },
        JdbcCreatorStore::creator);
  }

  @Override
  public Map<CycleDay, Long> countByDay() {
    Map<CycleDay, Long> counts = new TreeMap<>();
    jdbc.query(
            "count creators per day",
            "SELECT cycle_day, COUNT(*) FROM rescrape_creators WHERE "
                + ON_SCHEDULE
                + " GROUP BY cycle_day",
            s -> {},
            row -> Map.entry(new CycleDay(row.getInt(1)), row.getLong(2)))
        .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
    return counts;
  }

  @Override
  public long count() {
    return jdbc.count(
        "count creators", "SELECT COUNT(*) FROM rescrape_creators WHERE " + ON_SCHEDULE, s -> {});
  }

  @Override
  public long countGone() {
    return jdbc.count(
        "count gone creators",
        "SELECT COUNT(*) FROM rescrape_creators WHERE gone_since IS NOT NULL"
            + " AND gone_reason = 'NOT_FOUND'",
        s -> {});
  }

  @Override
  public long countDueOn(LocalDate date) {
    return jdbc.count(
        "count creators due on " + date,
        "SELECT COUNT(*) FROM rescrape_creators WHERE (next_due IS NULL OR next_due <= ?) AND "
            + ON_SCHEDULE,
        s -> setDate(s, 1, date));
  }

  @Override
  public long countScheduledFor(LocalDate date) {
    return jdbc.count(
        "count creators scheduled for " + date,
        "SELECT COUNT(*) FROM rescrape_creators WHERE next_due = ? AND " + ON_SCHEDULE,
        s -> setDate(s, 1, date));
  }

  @Override
  public void recordVisits(List<CreatorVisit> visits) {
    List<StatsSnapshot> snapshots =
        visits.stream().flatMap(visit -> visit.snapshot().stream()).toList();
    boolean atOnce = dialect == SqlDialect.POSTGRESQL && visits.size() > 1;
    jdbc.inTransaction(
        "record " + visits.size() + " visits",
        connection -> {
          if (atOnce) {
            recordVisitsAtOnce(connection, visits);
          } else {
            Jdbc.batch(connection, VISIT_SQL, visits, JdbcCreatorStore::bindVisit);
          }
          if (!snapshots.isEmpty()) {
            appendSnapshots(connection, snapshots);
          }
          return null;
        });
  }

  private static final String VISIT_SQL =
      "UPDATE rescrape_creators SET last_scraped_at = ?, next_due = ?,"
          + " platform_user_id = COALESCE(?, platform_user_id),"
          + " display_name = COALESCE(?, display_name), biography = COALESCE(?, biography),"
          + " verified = COALESCE(?, verified), private_account = COALESCE(?, private_account),"
          + " followers = COALESCE(?, followers), following = COALESCE(?, following),"
          + " posts = COALESCE(?, posts), likes = COALESCE(?, likes),"
          + " not_found_dates = NULL, first_not_found_on = NULL, last_not_found_on = NULL,"
          // A removed creator stays removed; only adding it again brings it back.
          + " gone_since = CASE WHEN gone_reason = 'REMOVED' THEN gone_since END,"
          + " gone_reason = CASE WHEN gone_reason = 'REMOVED' THEN gone_reason END"
          + " WHERE id = ?";

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

  /**
   * Selected from the creators table, so that a visit of a creator no longer stored adds nothing
   * instead of failing the batch; a snapshot already stored is kept as it is.
   */
  private void appendSnapshots(Connection connection, List<StatsSnapshot> snapshots)
      throws SQLException {
    if (dialect == SqlDialect.POSTGRESQL && snapshots.size() > 1) {
      appendSnapshotsAtOnce(connection, snapshots);
      return;
    }
    String select =
        " SELECT id, CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS BIGINT), CAST(? AS BIGINT),"
            + " CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BOOLEAN)"
            + " FROM rescrape_creators WHERE id = ?";
    String sql =
        dialect == SqlDialect.POSTGRESQL
            ? "INSERT INTO rescrape_creator_stats "
                + SNAPSHOT_COLUMNS
                + select
                + " ON CONFLICT (creator_id, scraped_at) DO NOTHING"
            : "MERGE INTO rescrape_creator_stats "
                + SNAPSHOT_COLUMNS
                + " KEY (creator_id, scraped_at)"
                + select;
    Jdbc.batch(
        connection,
        sql,
        snapshots,
        (statement, snapshot) -> {
          ProfileStats stats = snapshot.stats();
          setInstant(statement, 1, snapshot.scrapedAt());
          setLong(statement, 2, stats.followers());
          setLong(statement, 3, stats.following());
          setLong(statement, 4, stats.posts());
          setLong(statement, 5, stats.likes());
          statement.setBoolean(6, stats.approximate());
          statement.setLong(7, snapshot.creatorId().value());
        });
  }

  private static final String SNAPSHOT_COLUMNS =
      "(creator_id, scraped_at, followers, following, posts, likes, approximate)";

  /** PostgreSQL: the batch's snapshots in one statement, passed as arrays. */
  private static void appendSnapshotsAtOnce(Connection connection, List<StatsSnapshot> snapshots)
      throws SQLException {
    Unnest<StatsSnapshot> rows =
        new Unnest<>(snapshots)
            .column("bigint", snapshot -> snapshot.creatorId().value())
            .column("timestamptz", StatsSnapshot::scrapedAt)
            .column("bigint", snapshot -> snapshot.stats().followers())
            .column("bigint", snapshot -> snapshot.stats().following())
            .column("bigint", snapshot -> snapshot.stats().posts())
            .column("bigint", snapshot -> snapshot.stats().likes())
            .column("boolean", snapshot -> snapshot.stats().approximate());
    Jdbc.update(
        connection,
        "INSERT INTO rescrape_creator_stats "
            + SNAPSHOT_COLUMNS
            + " SELECT c.id, s.scraped_at, s.followers, s.following, s.posts, s.likes,"
            + " s.approximate FROM "
            + rows.sql()
            + " AS s(creator_id, scraped_at, followers, following, posts, likes, approximate)"
            // Joined, so that a creator no longer stored adds nothing instead of failing the batch.
            + " JOIN rescrape_creators c ON c.id = s.creator_id"
            + " ON CONFLICT (creator_id, scraped_at) DO NOTHING",
        s -> rows.bind(s, 1));
  }

  /**
   * PostgreSQL: the batch's visits in one statement, passed as arrays. A creator visited twice in
   * the batch keeps its last visit, as the statement-per-visit batch would leave it.
   */
  private static void recordVisitsAtOnce(Connection connection, List<CreatorVisit> visits)
      throws SQLException {
    Map<CreatorId, CreatorVisit> lastVisits = new LinkedHashMap<>();
    visits.forEach(visit -> lastVisits.put(visit.creatorId(), visit));
    Unnest<CreatorVisit> rows =
        new Unnest<>(List.copyOf(lastVisits.values()))
            .column("bigint", visit -> visit.creatorId().value())
            .column("timestamptz", CreatorVisit::scrapedAt)
            .column("date", CreatorVisit::nextDue)
            .column("text", visit -> profileText(visit, Profile::platformUserId, 64))
            .column("text", visit -> profileText(visit, Profile::displayName, 256))
            .column("text", visit -> profileText(visit, Profile::biography, 4000))
            .column("boolean", visit -> visit.profile() == null ? null : visit.profile().verified())
            .column(
                "boolean",
                visit -> visit.profile() == null ? null : visit.profile().privateAccount())
            .column("bigint", visit -> statsOf(visit).followers())
            .column("bigint", visit -> statsOf(visit).following())
            .column("bigint", visit -> statsOf(visit).posts())
            .column("bigint", visit -> statsOf(visit).likes());
    Jdbc.update(
        connection,
        "UPDATE rescrape_creators c SET last_scraped_at = v.scraped_at, next_due = v.next_due,"
            + " platform_user_id = COALESCE(v.platform_user_id, c.platform_user_id),"
            + " display_name = COALESCE(v.display_name, c.display_name),"
            + " biography = COALESCE(v.biography, c.biography),"
            + " verified = COALESCE(v.verified, c.verified),"
            + " private_account = COALESCE(v.private_account, c.private_account),"
            + " followers = COALESCE(v.followers, c.followers),"
            + " following = COALESCE(v.following, c.following),"
            + " posts = COALESCE(v.posts, c.posts), likes = COALESCE(v.likes, c.likes),"
            + " not_found_dates = NULL, first_not_found_on = NULL, last_not_found_on = NULL,"
            + " gone_since = CASE WHEN c.gone_reason = 'REMOVED' THEN c.gone_since END,"
            + " gone_reason = CASE WHEN c.gone_reason = 'REMOVED' THEN c.gone_reason END"
            + " FROM "
            + rows.sql()
            + " AS v(id, scraped_at, next_due, platform_user_id, display_name, biography,"
            + " verified, private_account, followers, following, posts, likes)"
            + " WHERE c.id = v.id",
        s -> rows.bind(s, 1));
  }

  private static @Nullable String profileText(
      CreatorVisit visit, Function<Profile, @Nullable String> field, int max) {
    Profile profile = visit.profile();
    return profile == null ? null : truncated(field.apply(profile), max);
  }

  private static ProfileStats statsOf(CreatorVisit visit) {
    Profile profile = visit.profile();
    return profile == null ? ProfileStats.UNKNOWN : profile.stats();
  }

  @Override
  public List<StatsSnapshot> statsHistory(CreatorId id, @Nullable Instant since, int limit) {
    List<StatsSnapshot> latestFirst =
        jdbc.query(
            "read the stats history of creator " + id,
            "SELECT scraped_at, followers, following, posts, likes, approximate"
                + " FROM rescrape_creator_stats WHERE creator_id = ?"
                + (since == null ? "" : " AND scraped_at >= ?")
                + " ORDER BY scraped_at DESC LIMIT ?",
            s -> {
              int index = 1;
              s.setLong(index++, id.value());
              if (since != null) {
                setInstant(s, index++, since);
              }
              s.setInt(index, limit);
            },
            row ->
                new StatsSnapshot(
                    id,
                    getInstant(row, "scraped_at"),
                    new ProfileStats(
                        getLong(row, "followers"),
                        getLong(row, "following"),
                        getLong(row, "posts"),
                        getLong(row, "likes"),
                        row.getBoolean("approximate"))));
    List<StatsSnapshot> oldestFirst = new ArrayList<>(latestFirst);
    Collections.reverse(oldestFirst);
    return oldestFirst;
  }

  @Override
  public int pruneStats(Instant before, int limit) {
    return jdbc.update(
        "prune stats snapshots taken before " + before,
        "DELETE FROM rescrape_creator_stats WHERE (creator_id, scraped_at) IN"
            + " (SELECT creator_id, scraped_at FROM rescrape_creator_stats WHERE scraped_at < ?"
            + " LIMIT ?)",
        s -> {
          setInstant(s, 1, before);
          s.setInt(2, limit);
        });
  }

  @Override
  public List<ScheduledCreator> onDay(CycleDay day, int limit) {
    return jdbc.query(
        "list creators on cycle day " + day.index(),
        "SELECT id, cycle_day, next_due FROM rescrape_creators WHERE cycle_day = ? AND "
            + ON_SCHEDULE
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
        row.getString("display_handle"),
        new CycleDay(row.getInt("cycle_day")),
        getDate(row, "next_due"),
        lastScrapedAt,
        profile(row),
        getInstant(row, "added_at"),
        notFound(row),
        getInstant(row, "gone_since"),
        goneReason(row));
  }

  private static @Nullable GoneReason goneReason(ResultSet row) throws SQLException {
    String reason = row.getString("gone_reason");
    return reason == null ? null : GoneReason.valueOf(reason);
  }

  private static @Nullable NotFoundStreak notFound(ResultSet row) throws SQLException {
    Long dates = getLong(row, "not_found_dates");
    return dates == null
        ? null
        : new NotFoundStreak(
            dates.intValue(),
            getDate(row, "first_not_found_on"),
            getDate(row, "last_not_found_on"));
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
