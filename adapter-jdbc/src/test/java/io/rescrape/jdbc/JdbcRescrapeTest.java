package io.rescrape.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.rescrape.core.Rescrape;
import io.rescrape.core.domain.Creator;
import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.InstanceId;
import io.rescrape.core.domain.JobProgress;
import io.rescrape.core.domain.JobStatus;
import io.rescrape.core.domain.Lease;
import io.rescrape.core.domain.NewCreator;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.ScrapeResult;
import io.rescrape.core.domain.WorkItem;
import io.rescrape.core.service.RunReport;
import io.rescrape.core.service.RunnerSettings;
import io.rescrape.core.testing.FakeProfileScraper;
import io.rescrape.core.testing.SettableClock;
import io.rescrape.jdbc.testing.TestDatabase;
import io.rescrape.jdbc.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Whole daily jobs through the real JDBC adapters, on PostgreSQL and on H2. */
class JdbcRescrapeTest {

  private static final LocalDate WED = LocalDate.of(2025, 8, 27);
  private static final Instant NINE = Instant.parse("2025-08-27T09:00:00Z");

  private final SettableClock clock = new SettableClock(NINE);
  private final FakeProfileScraper instagram = new FakeProfileScraper(Platform.INSTAGRAM);
  private final FakeProfileScraper tiktok = new FakeProfileScraper(Platform.TIKTOK);
  private TestDatabase database;

  static Stream<Named<Supplier<TestDatabase>>> databases() {
    return Stream.of(
        Named.of("PostgreSQL", () -> TestDatabases.postgres(12)),
        Named.of("H2", () -> TestDatabases.h2(12)));
  }

  @AfterEach
  void closeDatabase() {
    if (database != null) {
      database.close();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void should_run_a_daily_job_to_completion_and_reuse_it(Supplier<TestDatabase> open) {
    database = open.get();
    importNew(200);

    RunReport first = instance("a").runDaily(WED).orElseThrow();
    RunReport again = instance("b").runDaily(WED).orElseThrow();

    assertThat(first.job().status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(first.progress()).isEqualTo(new JobProgress(0, 0, 200, 0, 0));
    assertThat(again.job().id()).isEqualTo(first.job().id());
    assertThat(database.stores().jobs().recent(10)).hasSize(1);
    assertThat(instagram.totalCalls() + tiktok.totalCalls()).isEqualTo(200);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void should_record_failures_with_reason_message_and_attempts(Supplier<TestDatabase> open) {
    database = open.get();
    importNew(10);
    instagram.otherwise(h -> ScrapeResult.notFound("HTTP 404"));

    RunReport report = instance("a").runDaily(WED).orElseThrow();

    assertThat(report.job().status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(report.progress().failed()).isEqualTo(5);
    assertThat(database.stores().jobs().failures(report.job().id(), 0, 10))
        .hasSize(5)
        .allSatisfy(f -> assertThat(f.message()).isEqualTo("HTTP 404"));
  }

  @ParameterizedTest
  @MethodSource("databases")
  void should_take_over_a_job_whose_instance_died(Supplier<TestDatabase> open) {
    database = open.get();
    importNew(40);
    JdbcStores stores = database.stores();
    DailyJob job = stores.jobs().createDailyJob(WED, NINE).job();
    Lease dead = new Lease("dead", NINE.plusSeconds(30));
    stores.jobs().start(job.id(), dead, NINE);
    List<WorkItem> lost = stores.queue().claim(job.id(), Platform.TIKTOK, 5, dead, NINE);
    clock.set(NINE.plusSeconds(31));

    RunReport report = instance("heir").runner().run(job.id());

    assertThat(report.job().status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(report.progress().done()).isEqualTo(40);
    assertThat(lost).allSatisfy(item -> assertThat(tiktok.callsFor(item.handle())).isEqualTo(1));
  }

  @ParameterizedTest
  @MethodSource("databases")
  void should_store_instants_in_utc_whatever_the_local_zone(Supplier<TestDatabase> open)
      throws Exception {
    TimeZone original = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
    try {
      database = open.get();
      importNew(1);
      instance("a").runDaily(WED);

      Creator creator =
          database.stores().creators().find(Platform.INSTAGRAM, handle(0)).orElseThrow();
      assertThat(creator.lastScrapedAt()).isEqualTo(NINE);
      assertThat(utcTextOfLastScrape()).startsWith("2025-08-27 09:00:00");
    } finally {
      TimeZone.setDefault(original);
    }
  }

  private String utcTextOfLastScrape() throws Exception {
    String sql =
        "SELECT CAST(last_scraped_at AT TIME ZONE 'UTC' AS VARCHAR) FROM rescrape_creators";
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

  private void importNew(int count) {
    List<NewCreator> batch = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Platform platform = i % 2 == 0 ? Platform.INSTAGRAM : Platform.TIKTOK;
      batch.add(new NewCreator(platform, handle(i), null));
    }
    instance("importer").creators().startImport().add(batch);
  }

  private static io.rescrape.core.domain.Handle handle(int i) {
    return new io.rescrape.core.domain.Handle("creator." + i);
  }

  private Rescrape instance(String id) {
    return database
        .stores()
        .builder()
        .clock(clock)
        .scraper(instagram)
        .scraper(tiktok)
        .instanceId(new InstanceId(id))
        .runner(
            RunnerSettings.builder()
                .concurrency(4)
                .idlePoll(Duration.ofMillis(10))
                .flush(50, Duration.ofMillis(10))
                .build())
        .build();
  }
}
