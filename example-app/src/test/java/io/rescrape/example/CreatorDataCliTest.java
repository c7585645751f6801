package io.rescrape.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rescrape.core.Rescrape;
import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.CreatorVisit;
import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.NewCreator;
import io.rescrape.core.domain.NotFoundAnswer;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.Profile;
import io.rescrape.core.domain.ProfileStats;
import io.rescrape.core.domain.ScrapeResult;
import io.rescrape.core.testing.FakeProfileScraper;
import io.rescrape.core.testing.InMemoryStores;
import io.rescrape.core.testing.SettableClock;
import io.rescrape.example.output.JobView;
import io.rescrape.jdbc.JdbcStores;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CreatorDataCliTest {

  private static final String NOW = "2025-08-26T12:00:00Z";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;
  @TempDir Path files;

  @Test
  void should_import_an_account_given_as_a_profile_url_once_and_keep_it_as_written()
      throws Exception {
    Path csv =
        csv(
            "instagram,https://www.instagram.com/Lena.Bakes/",
            "instagram,@lena.bakes",
            "tiktok,https://www.tiktok.com/@Kofi_Codes?lang=en",
            "instagram,https://www.instagram.com/p/Cx123/");
    Cli cli = new Cli(dataDir);

    Cli.Result imported = cli.run("import", csv.toString(), "--now", NOW);
    Cli.Result history = cli.run("history", "instagram", "LENA.BAKES", "--now", NOW);

    assertThat(imported.exitCode()).isEqualTo(3);
    assertThat(imported.out())
        .contains("Imported 2 creators")
        .contains("1 already scheduled")
        .contains(
            "line 4: invalid instagram handle 'https://www.instagram.com/p/Cx123/': /p/ leads to"
                + " a post");
    assertThat(history.out()).startsWith("History of instagram @Lena.Bakes (creator 1): 0");
  }

  @Test
  void should_count_a_gone_creator_apart_and_bring_it_back_when_imported_again() throws Exception {
    Path csv = csv("instagram,Lena.Bakes");
    Cli cli = new Cli(dataDir);
    cli.run("import", csv.toString(), "--now", NOW);
    markGone(new Handle("lena.bakes"));

    JsonNode whileGone = plan(cli);
    Cli.Result again = cli.run("import", csv.toString(), "--now", NOW);
    JsonNode afterwards = plan(cli);

    assertThat(whileGone.get("gone").asLong()).isEqualTo(1);
    assertThat(whileGone.get("total").asLong()).isZero();
    assertThat(again.exitCode()).isZero();
    assertThat(again.out())
        .contains("Imported 0 creators")
        .contains("Brought back 1 gone creators");
    assertThat(afterwards.get("gone").asLong()).isZero();
    assertThat(afterwards.get("dueToday").asLong()).isEqualTo(1);
  }

  @Test
  void should_show_the_latest_snapshots_of_a_creator_oldest_first() throws Exception {
    Cli cli = new Cli(dataDir);
    cli.run("import", csv("tiktok,@Kofi_Codes").toString(), "--now", NOW);
    CreatorId id = creatorId(Platform.TIKTOK, "kofi_codes");
    record(id, "2025-08-06T09:00:05Z", new ProfileStats(1_000L, 10L, 5L, null));
    record(id, "2025-08-13T09:00:05Z", new ProfileStats(1_200L, 11L, 6L, 90_000L));
    record(id, "2025-08-20T09:00:05Z", new ProfileStats(1_300_000L, 12L, 7L, null, true));

    Cli.Result text =
        cli.run("history", "tiktok", "https://www.tiktok.com/@kofi_codes", "--limit", "2");
    JsonNode json = JSON.readTree(cli.run("history", "tiktok", "kofi_codes", "--json").out());

    assertThat(text.exitCode()).isZero();
    assertThat(text.out())
        .contains("History of tiktok @Kofi_Codes (creator 1): 2 snapshots, oldest first")
        .contains("2025-08-13T09:00:05Z          1,200           11          6           90,000")
        .contains("2025-08-20T09:00:05Z      1,300,000           12          7                -")
        .contains("(rounded)")
        .doesNotContain("2025-08-06");
    assertThat(json.get("displayHandle").asText()).isEqualTo("Kofi_Codes");
    assertThat(json.get("snapshots")).hasSize(3);
    assertThat(json.get("snapshots").get(0).get("followers").asLong()).isEqualTo(1_000);
    assertThat(json.get("snapshots").get(0).get("likes").isNull()).isTrue();
  }

  @Test
  void should_refuse_the_history_of_an_unknown_creator() {
    Cli.Result result = new Cli(dataDir).run("history", "instagram", "nobody.here");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("no creator instagram @nobody.here is stored");
  }

  @Test
  void should_list_failed_creators_by_their_handle_as_written() {
    InMemoryStores stores = InMemoryStores.create();
    FakeProfileScraper instagram = new FakeProfileScraper(Platform.INSTAGRAM);
    instagram.script(new Handle("omar.codes"), ScrapeResult.notFound("HTTP 404"));
    Rescrape rescrape =
        stores.builder().clock(SettableClock.at("2025-08-27T09:00:00Z")).scraper(instagram).build();
    rescrape.creators().add(NewCreator.of(Platform.INSTAGRAM, "@Omar.Codes"));
    StringWriter out = new StringWriter();

    var report = rescrape.runDaily(LocalDate.of(2025, 8, 27)).orElseThrow();
    JobView.of(report.job(), rescrape.jobs()).printSummary(new PrintWriter(out));

    assertThat(out.toString()).contains("instagram @Omar.Codes").contains("NOT_FOUND");
  }

  private JsonNode plan(Cli cli) throws Exception {
    return JSON.readTree(cli.run("plan", "--now", NOW, "--json").out());
  }

  /** What three daily jobs in a row that did not find the account leave behind. */
  private void markGone(Handle handle) {
    JdbcStores stores = stores();
    CreatorId id = stores.creators().find(Platform.INSTAGRAM, handle).orElseThrow().id();
    for (int day = 20; day <= 22; day++) {
      LocalDate date = LocalDate.of(2025, 8, day);
      Instant at = Instant.parse("2025-08-" + day + "T09:00:05Z");
      stores.creators().recordNotFound(List.of(new NotFoundAnswer(id, date, at)), 3);
    }
  }

  private CreatorId creatorId(Platform platform, String handle) {
    return stores().creators().find(platform, new Handle(handle)).orElseThrow().id();
  }

  private void record(CreatorId id, String at, ProfileStats stats) {
    Instant scrapedAt = Instant.parse(at);
    Profile profile = new Profile(null, null, null, null, false, stats);
    stores()
        .creators()
        .recordVisits(List.of(new CreatorVisit(id, scrapedAt, LocalDate.of(2025, 9, 3), profile)));
  }

  private JdbcStores stores() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("rescrape"));
    return JdbcStores.migrateAndCreate(dataSource);
  }

  private Path csv(String... lines) throws Exception {
    Path file = Files.createTempFile(files, "creators", ".csv");
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return file;
  }
}
