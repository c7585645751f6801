package io.rescrape.core.service;

import static io.rescrape.core.fixtures.RescrapeFixture.NINE;
import static io.rescrape.core.fixtures.RescrapeFixture.WED;
import static org.assertj.core.api.Assertions.assertThat;

import io.rescrape.core.Rescrape;
import io.rescrape.core.domain.Creator;
import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.NewCreator;
import io.rescrape.core.domain.NotFoundStreak;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.Profile;
import io.rescrape.core.domain.ProfileStats;
import io.rescrape.core.domain.ScrapeResult;
import io.rescrape.core.event.CreatorGone;
import io.rescrape.core.fixtures.RescrapeFixture;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GoneCreatorsTest {

  private static final Handle LOST = new Handle("lost.account");
  private static final ScrapeResult NOT_FOUND = ScrapeResult.notFound("HTTP 404, no such account");

  private final RescrapeFixture fixture = new RescrapeFixture();

  @AfterEach
  void stopInstances() {
    fixture.closeAll();
  }

  @Test
  void should_keep_a_creator_after_one_not_found_and_scrape_it_again_the_next_day() {
    CreatorId id = fixture.addNew(Platform.INSTAGRAM, "Lost.Account");
    fixture.instagram.script(LOST, NOT_FOUND);
    Rescrape rescrape = fixture.instance("a");

    rescrape.runDaily(WED);
    fixture.clock.advance(Duration.ofDays(1));
    RunReport thursday = rescrape.runDaily(WED.plusDays(1)).orElseThrow();

    assertThat(thursday.progress().done()).isEqualTo(1);
    assertThat(fixture.creator(id).isGone()).isFalse();
    assertThat(fixture.creator(id).notFound()).isNull();
  }

  @Test
  void should_mark_a_creator_gone_after_not_found_on_three_job_dates_and_announce_it() {
    CreatorId id = fixture.addNew(Platform.INSTAGRAM, "Lost.Account");
    fixture.addNew(Platform.TIKTOK, "still.here");
    fixture.instagram.script(LOST, NOT_FOUND, NOT_FOUND, NOT_FOUND);
    Rescrape rescrape = fixture.instance("a");

    List<DailyJob> jobs = runDays(rescrape, WED, 3);

    Creator gone = fixture.creator(id);
    assertThat(gone.isGone()).isTrue();
    assertThat(gone.goneSince()).isEqualTo(NINE.plus(Duration.ofDays(2)));
    assertThat(gone.notFound()).isEqualTo(new NotFoundStreak(3, WED, WED.plusDays(2)));
    assertThat(fixture.events.ofType(CreatorGone.class))
        .singleElement()
        .isEqualTo(
            new CreatorGone(
                NINE.plus(Duration.ofDays(2)),
                jobs.get(2).id(),
                id,
                Platform.INSTAGRAM,
                LOST,
                WED,
                WED.plusDays(2),
                3));
  }

  @Test
  void should_leave_a_gone_creator_out_of_jobs_and_loads_but_count_it_apart() {
    CreatorId id = fixture.addNew(Platform.INSTAGRAM, "Lost.Account");
    fixture.addNew(Platform.TIKTOK, "still.here");
    fixture.instagram.script(LOST, NOT_FOUND, NOT_FOUND, NOT_FOUND);
    Rescrape rescrape = fixture.instance("a");
    runDays(rescrape, WED, 3);

    boolean nothingDueLater = rescrape.planner().planDay(WED.plusDays(3)).isNothingDue();
    ScheduleReport report = rescrape.schedule().report();

    assertThat(nothingDueLater).isTrue();
    assertThat(report.total()).isEqualTo(1);
    assertThat(rescrape.creators().count()).isEqualTo(1);
    assertThat(rescrape.creators().countGone()).isEqualTo(1);
    assertThat(rescrape.creators().find(id)).get().extracting(Creator::isGone).isEqualTo(true);
    assertThat(fixture.instagram.callsFor(LOST)).isEqualTo(3);
  }

  @Test
  void should_count_again_from_zero_after_a_private_visit() {
    CreatorId id = fixture.addNew(Platform.INSTAGRAM, "Lost.Account");
    ScrapeResult hidden =
        ScrapeResult.privateAccount(
            new Profile(null, null, null, null, true, ProfileStats.UNKNOWN), "is_private");
    fixture.instagram.script(LOST, NOT_FOUND, NOT_FOUND, hidden, NOT_FOUND, NOT_FOUND);
    Rescrape rescrape = fixture.instance("a");
    runDays(rescrape, WED, 3);
    LocalDate nextDue = fixture.creator(id).nextDue();

    fixture.clock.set(NINE.plus(Duration.ofDays(ChronoUnit.DAYS.between(WED, nextDue))));
    runDays(rescrape, nextDue, 2);

    Creator creator = fixture.creator(id);
    assertThat(creator.isGone()).isFalse();
    assertThat(creator.notFound()).isEqualTo(new NotFoundStreak(2, nextDue, nextDue.plusDays(1)));
    assertThat(fixture.events.ofType(CreatorGone.class)).isEmpty();
  }

  @Test
  void should_count_a_job_date_once_when_its_failed_creators_are_retried() {
    CreatorId id = fixture.addNew(Platform.INSTAGRAM, "Lost.Account");
    fixture.instagram.script(LOST, NOT_FOUND, NOT_FOUND);
    Rescrape rescrape = fixture.instance("a");
    DailyJob job = rescrape.runDaily(WED).orElseThrow().job();

    rescrape.jobs().retryFailed(job.id());
    rescrape.runner().run(job.id());

    assertThat(fixture.instagram.callsFor(LOST)).isEqualTo(2);
    assertThat(fixture.creator(id).notFound()).isEqualTo(NotFoundStreak.startedOn(WED));
  }

  @Test
  void should_bring_a_gone_creator_back_due_at_once_when_it_is_added_again() {
    CreatorId id = fixture.addNew(Platform.INSTAGRAM, "Lost.Account");
    fixture.instagram.script(LOST, NOT_FOUND, NOT_FOUND, NOT_FOUND);
    Rescrape rescrape = fixture.instance("a");
    runDays(rescrape, WED, 3);

    ImportOutcome outcome =
        rescrape
            .creators()
            .add(NewCreator.of(Platform.INSTAGRAM, "https://www.instagram.com/lost.account/"));
    DailyJob next = rescrape.planner().planDay(WED.plusDays(3)).job();

    assertThat(outcome.status()).isEqualTo(ImportOutcome.Status.RETURNED);
    assertThat(outcome.creatorId()).isEqualTo(id);
    assertThat(outcome.detail()).contains("was gone");
    assertThat(next.totalItems()).isEqualTo(1);
    assertThat(fixture.creator(id).isGone()).isFalse();
    assertThat(fixture.creator(id).displayHandle()).isEqualTo("Lost.Account");
    assertThat(rescrape.creators().countGone()).isZero();
  }

  @Test
  void should_add_an_account_once_however_its_handle_is_written() {
    Rescrape rescrape = fixture.instance("a");

    List<ImportOutcome> outcomes =
        rescrape
            .creators()
            .startImport()
            .add(
                List.of(
                    NewCreator.of(Platform.INSTAGRAM, "Lena.Bakes"),
                    NewCreator.of(Platform.INSTAGRAM, "@lena.bakes"),
                    NewCreator.of(Platform.INSTAGRAM, "https://www.instagram.com/LENA.BAKES/")));
    DailyJob job = rescrape.planner().planDay(WED).job();

    assertThat(outcomes)
        .extracting(ImportOutcome::status)
        .containsExactly(
            ImportOutcome.Status.ADDED,
            ImportOutcome.Status.DUPLICATE,
            ImportOutcome.Status.DUPLICATE);
    assertThat(job.totalItems()).isEqualTo(1);
    assertThat(fixture.creator(Platform.INSTAGRAM, "lena.bakes").displayHandle())
        .isEqualTo("Lena.Bakes");
  }

  /** Runs the daily jobs of {@code days} dates from {@code first}, a day apart on the clock. */
  private List<DailyJob> runDays(Rescrape rescrape, LocalDate first, int days) {
    List<DailyJob> jobs = new ArrayList<>();
    for (int day = 0; day < days; day++) {
      if (day > 0) {
        fixture.clock.advance(Duration.ofDays(1));
      }
      jobs.add(rescrape.runDaily(first.plusDays(day)).orElseThrow().job());
    }
    return jobs;
  }
}
