package io.rescrape.core.service;

import static io.rescrape.core.fixtures.RescrapeFixture.NINE;
import static io.rescrape.core.fixtures.RescrapeFixture.WED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rescrape.core.Rescrape;
import io.rescrape.core.domain.Creator;
import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.CycleDay;
import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.GoneReason;
import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.JobProgress;
import io.rescrape.core.domain.JobStatus;
import io.rescrape.core.domain.NewCreator;
import io.rescrape.core.domain.NotFoundException;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.ScrapeResult;
import io.rescrape.core.event.CreatorRemoved;
import io.rescrape.core.fixtures.RescrapeFixture;
import io.rescrape.core.testing.FakeProfileScraper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RemovedCreatorsTest {

  private final RescrapeFixture fixture = new RescrapeFixture();

  @AfterEach
  void stopInstances() {
    fixture.closeAll();
  }

  @Test
  void should_skip_a_creator_removed_while_its_job_runs_and_still_complete_the_job() {
    List<CreatorId> ids = addInstagram("queued", 4);
    Rescrape rescrape = fixture.instance("a", r -> r.concurrency(1));
    fixture.instagram.otherwise(
        handle -> {
          if (handle.value().equals("queued.0")) {
            rescrape.creators().remove(ids.get(3));
          }
          return FakeProfileScraper.profileOf(handle);
        });

    RunReport report = rescrape.runDaily(WED).orElseThrow();

    assertThat(report.job().status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(report.progress()).isEqualTo(new JobProgress(0, 0, 3, 0, 1));
    assertThat(report.progress().total()).isEqualTo(report.job().totalItems());
    assertThat(fixture.instagram.callsFor(new Handle("queued.3"))).isZero();
    assertThat(fixture.events.ofType(CreatorRemoved.class))
        .singleElement()
        .extracting(CreatorRemoved::skippedItems)
        .isEqualTo(1L);
  }

  @Test
  void should_let_a_scrape_in_flight_finish_and_keep_its_creator_removed() {
    CreatorId id = fixture.addNew(Platform.INSTAGRAM, "in.flight");
    Rescrape rescrape = fixture.instance("a");
    fixture.instagram.otherwise(
        handle -> {
          rescrape.creators().remove(id);
          return FakeProfileScraper.profileOf(handle);
        });

    RunReport report = rescrape.runDaily(WED).orElseThrow();

    Creator creator = fixture.creator(id);
    assertThat(report.progress()).isEqualTo(new JobProgress(0, 0, 1, 0, 0));
    assertThat(creator.isRemoved()).isTrue();
    assertThat(creator.lastScrapedAt()).isEqualTo(NINE);
    assertThat(rescrape.history().of(id, null, 10)).hasSize(1);
  }

  @Test
  void should_return_a_removed_creator_unchanged_when_it_is_removed_again() {
    CreatorId id = fixture.addNew(Platform.TIKTOK, "Kofi_Codes");
    Rescrape rescrape = fixture.instance("a");
    Creator first = rescrape.creators().remove(id);
    fixture.clock.advance(Duration.ofHours(1));

    Creator again = rescrape.creators().remove(id);

    assertThat(again).isEqualTo(first);
    assertThat(first.goneReason()).isEqualTo(GoneReason.REMOVED);
    assertThat(first.goneSince()).isEqualTo(NINE);
    assertThat(fixture.events.ofType(CreatorRemoved.class))
        .containsExactly(
            new CreatorRemoved(NINE, id, Platform.TIKTOK, new Handle("kofi_codes"), 0));
  }

  @Test
  void should_finish_a_removal_that_stopped_before_skipping_the_items() {
    List<CreatorId> ids = addInstagram("half", 2);
    Rescrape rescrape = fixture.instance("a");
    DailyJob job = rescrape.planner().planDay(WED).job();
    Creator removedBefore = fixture.stores.creators().remove(ids.get(0), NINE).orElseThrow();

    Creator again = rescrape.creators().remove(ids.get(0));

    assertThat(again).isEqualTo(removedBefore);
    assertThat(fixture.jobs().progress(job.id())).isEqualTo(new JobProgress(1, 0, 0, 0, 1));
    assertThat(fixture.events.ofType(CreatorRemoved.class)).isEmpty();
  }

  @Test
  void should_refuse_to_remove_a_creator_that_does_not_exist() {
    Rescrape rescrape = fixture.instance("a");

    assertThatThrownBy(() -> rescrape.creators().remove(new CreatorId(987654)))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("creator 987654 does not exist");
  }

  @Test
  void should_drop_a_removed_creator_from_the_load_of_its_weekday() {
    List<CreatorId> ids = fixture.addNew("spread", 12);
    Rescrape rescrape = fixture.instance("a");
    CycleDay day = fixture.creator(ids.get(5)).day();
    ScheduleReport before = rescrape.schedule().report();

    rescrape.creators().remove(ids.get(5));

    ScheduleReport after = rescrape.schedule().report();
    assertThat(after.perDay().get(day)).isEqualTo(before.perDay().get(day) - 1);
    assertThat(after.total()).isEqualTo(11);
    assertThat(rescrape.creators().count()).isEqualTo(11);
    assertThat(rescrape.creators().countGone()).isZero();
  }

  @Test
  void should_leave_a_removed_creator_out_of_later_jobs() {
    List<CreatorId> ids = addInstagram("daily", 3);
    Rescrape rescrape = fixture.instance("a");
    rescrape.creators().remove(ids.get(1));

    RunReport report = rescrape.runDaily(WED).orElseThrow();

    assertThat(report.job().totalItems()).isEqualTo(2);
    assertThat(fixture.instagram.callsFor(new Handle("daily.1"))).isZero();
  }

  @Test
  void should_bring_a_removed_creator_back_with_its_history_when_added_again() {
    CreatorId id = fixture.addNew(Platform.INSTAGRAM, "Lena.Bakes");
    Rescrape rescrape = fixture.instance("a");
    rescrape.runDaily(WED);
    rescrape.creators().remove(id);
    fixture.clock.advance(Duration.ofDays(1));

    ImportOutcome outcome =
        rescrape.creators().add(NewCreator.of(Platform.INSTAGRAM, "@lena.bakes"));
    DailyJob next = rescrape.planner().planDay(WED.plusDays(1)).job();

    Creator back = fixture.creator(id);
    assertThat(outcome.status()).isEqualTo(ImportOutcome.Status.RETURNED);
    assertThat(outcome.creatorId()).isEqualTo(id);
    assertThat(back.isGone()).isFalse();
    assertThat(back.goneReason()).isNull();
    assertThat(back.displayHandle()).isEqualTo("Lena.Bakes");
    assertThat(next.totalItems()).isEqualTo(1);
    assertThat(rescrape.history().of(id, null, 10)).hasSize(1);
  }

  @Test
  void should_not_retry_a_failed_creator_once_it_is_removed() {
    List<CreatorId> ids = addInstagram("failing", 2);
    ScrapeResult blocked = ScrapeResult.notFound("HTTP 404, no such account");
    fixture.instagram.script(new Handle("failing.0"), blocked);
    fixture.instagram.script(new Handle("failing.1"), blocked);
    Rescrape rescrape = fixture.instance("a");
    DailyJob job = rescrape.runDaily(WED).orElseThrow().job();
    rescrape.creators().remove(ids.get(0));

    long reopened = rescrape.jobs().retryFailed(job.id());
    RunReport retried = rescrape.runner().run(job.id());

    assertThat(reopened).isEqualTo(1);
    assertThat(retried.progress()).isEqualTo(new JobProgress(0, 0, 1, 1, 0));
    assertThat(fixture.instagram.callsFor(new Handle("failing.0"))).isEqualTo(1);
    assertThat(fixture.instagram.callsFor(new Handle("failing.1"))).isEqualTo(2);
  }

  private List<CreatorId> addInstagram(String prefix, int count) {
    List<NewCreator> batch = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      batch.add(NewCreator.of(Platform.INSTAGRAM, prefix + "." + i));
    }
    return fixture.importAll(batch);
  }
}
