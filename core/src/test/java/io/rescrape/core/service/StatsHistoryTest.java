package io.rescrape.core.service;

import static io.rescrape.core.fixtures.RescrapeFixture.NINE;
import static io.rescrape.core.fixtures.RescrapeFixture.WED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rescrape.core.Rescrape;
import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.CreatorVisit;
import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.InvalidInputException;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.Profile;
import io.rescrape.core.domain.ProfileStats;
import io.rescrape.core.domain.ScrapeResult;
import io.rescrape.core.domain.StatsSnapshot;
import io.rescrape.core.fixtures.RescrapeFixture;
import io.rescrape.core.testing.FakeProfileScraper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StatsHistoryTest {

  private final RescrapeFixture fixture = new RescrapeFixture();

  @AfterEach
  void stopInstances() {
    fixture.closeAll();
  }

  @Test
  void should_add_a_snapshot_for_each_successful_scrape() {
    CreatorId id = fixture.addNew(Platform.TIKTOK, "Kofi_Codes");
    Rescrape rescrape = fixture.instance("a");
    rescrape.runDaily(WED);
    LocalDate next = fixture.creator(id).nextDue();
    Instant nextNine = NINE.plus(Duration.ofDays(ChronoUnit.DAYS.between(WED, next)));
    fixture.clock.set(nextNine);
    rescrape.runDaily(next);

    List<StatsSnapshot> history = rescrape.history().of(id, null, 10);

    ProfileStats counts = FakeProfileScraper.profileOf(new Handle("kofi_codes")).profile().stats();
    assertThat(history)
        .containsExactly(
            new StatsSnapshot(id, NINE, counts), new StatsSnapshot(id, nextNine, counts));
  }

  @Test
  void should_add_no_snapshot_for_a_private_or_missing_account() {
    CreatorId hidden = fixture.addNew(Platform.INSTAGRAM, "went.private");
    CreatorId missing = fixture.addNew(Platform.INSTAGRAM, "not.there");
    fixture.instagram.script(
        new Handle("went.private"),
        ScrapeResult.privateAccount(
            new Profile("5", null, null, null, true, new ProfileStats(700L, 0L, 0L, null)),
            "is_private"));
    fixture.instagram.script(new Handle("not.there"), ScrapeResult.notFound("HTTP 404"));
    Rescrape rescrape = fixture.instance("a");

    rescrape.runDaily(WED);

    assertThat(rescrape.history().of(hidden, null, 10)).isEmpty();
    assertThat(rescrape.history().of(missing, null, 10)).isEmpty();
    assertThat(fixture.creator(hidden).profile().stats())
        .isEqualTo(new ProfileStats(700L, null, null, null));
  }

  @Test
  void should_prune_snapshots_past_the_retention_when_the_daily_job_is_created() {
    CreatorId id = fixture.addNew(Platform.INSTAGRAM, "long.runner");
    Instant tooOld = NINE.minus(Duration.ofDays(401));
    Instant kept = NINE.minus(Duration.ofDays(399));
    fixture.stores.creators().recordVisits(List.of(visit(id, tooOld), visit(id, kept)));
    Rescrape rescrape = fixture.instance("a");

    rescrape.planner().planDay(WED);

    assertThat(rescrape.history().of(id, null, 10))
        .extracting(StatsSnapshot::scrapedAt)
        .containsExactly(kept);
  }

  @Test
  void should_prune_batch_after_batch_until_nothing_old_is_left() {
    List<CreatorId> ids = fixture.addNew("old", 5);
    for (CreatorId id : ids) {
      fixture.stores.creators().recordVisits(List.of(visit(id, NINE.minus(Duration.ofDays(31)))));
    }
    StatsHistory history =
        new StatsHistory(
            fixture.stores.creators(),
            HistorySettings.builder().retention(Duration.ofDays(30)).pruneBatchSize(2).build(),
            fixture.clock);

    long pruned = history.prune();

    assertThat(pruned).isEqualTo(5);
    assertThat(history.prune()).isZero();
  }

  @Test
  void should_refuse_a_history_read_of_no_or_too_many_snapshots() {
    Rescrape rescrape = fixture.instance("a");

    assertThatThrownBy(() -> rescrape.history().of(new CreatorId(1), null, 0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("history limit must be between 1 and 10000, got 0");
    assertThatThrownBy(() -> rescrape.history().of(new CreatorId(1), null, 10_001))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void should_keep_snapshots_400_days_by_default_and_refuse_a_retention_under_a_day() {
    assertThat(HistorySettings.defaults().retention()).isEqualTo(Duration.ofDays(400));
    assertThatThrownBy(() -> HistorySettings.builder().retention(Duration.ofHours(1)).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("stats retention must be between 1 day and 36525 days");
    assertThatThrownBy(() -> HistorySettings.builder().pruneBatchSize(0).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("pruneBatchSize must be between 1 and 1000000, got 0");
  }

  private static CreatorVisit visit(CreatorId id, Instant at) {
    return new CreatorVisit(
        id,
        at,
        WED,
        new Profile(null, null, null, null, false, new ProfileStats(10L, 1L, 1L, null)));
  }
}
