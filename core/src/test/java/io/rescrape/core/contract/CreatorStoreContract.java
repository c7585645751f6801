package io.rescrape.core.contract;

import static io.rescrape.core.contract.TestCreators.ADDED_AT;
import static io.rescrape.core.contract.TestCreators.placed;
import static io.rescrape.core.contract.TestCreators.written;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.rescrape.core.domain.Creator;
import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.CreatorQuery;
import io.rescrape.core.domain.CreatorVisit;
import io.rescrape.core.domain.CycleDay;
import io.rescrape.core.domain.GoneReason;
import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.NotFoundAnswer;
import io.rescrape.core.domain.NotFoundStreak;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.Profile;
import io.rescrape.core.domain.ProfileStats;
import io.rescrape.core.domain.ScheduledCreator;
import io.rescrape.core.domain.ScrapeOutcome;
import io.rescrape.core.domain.StatsSnapshot;
import io.rescrape.core.port.CreatorStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link CreatorStore} must do. Subclasses supply the backend. */
public abstract class CreatorStoreContract {

  private static final LocalDate WED = LocalDate.of(2025, 8, 27);

  private Stores stores;
  protected CreatorStore creators;

  protected abstract Stores newStores() throws Exception;

  @BeforeEach
  void openStores() throws Exception {
    stores = newStores();
    creators = stores.creators();
  }

  @AfterEach
  void closeStores() throws Exception {
    stores.close();
  }

  @Test
  void should_store_a_creator_with_its_place_in_the_schedule() {
    List<Optional<CreatorId>> ids =
        creators.addAll(List.of(placed(Platform.TIKTOK, "kofi_codes", WEDNESDAY, WED)), ADDED_AT);

    Creator stored = creators.find(ids.get(0).orElseThrow()).orElseThrow();

    assertThat(stored.platform()).isEqualTo(Platform.TIKTOK);
    assertThat(stored.handle()).isEqualTo(new Handle("kofi_codes"));
    assertThat(stored.day()).isEqualTo(CycleDay.of(WEDNESDAY));
    assertThat(stored.nextDue()).isEqualTo(WED);
    assertThat(stored.addedAt()).isEqualTo(ADDED_AT);
    assertThat(stored.profile()).isNull();
  }

  @Test
  void should_skip_a_creator_already_stored_or_repeated_in_the_batch() {
    creators.addAll(List.of(placed(Platform.INSTAGRAM, "lena.bakes", MONDAY, null)), ADDED_AT);

    List<Optional<CreatorId>> ids =
        creators.addAll(
            List.of(
                placed(Platform.INSTAGRAM, "lena.bakes", WEDNESDAY, null),
                placed(Platform.TIKTOK, "lena.bakes", WEDNESDAY, null),
                placed(Platform.TIKTOK, "lena.bakes", MONDAY, null)),
            ADDED_AT);

    assertThat(ids.get(0)).isEmpty();
    assertThat(ids.get(1)).isPresent();
    assertThat(ids.get(2)).isEmpty();
    assertThat(creators.count()).isEqualTo(2);
    assertThat(creators.find(Platform.INSTAGRAM, new Handle("lena.bakes")).orElseThrow().day())
        .isEqualTo(CycleDay.of(MONDAY));
  }

  @Test
  void should_count_creators_per_day() {
    TestCreators.add(creators, "wed", 3, WEDNESDAY, WED);
    TestCreators.add(creators, "mon", 2, MONDAY, WED.plusDays(5));

    assertThat(creators.countByDay())
        .containsEntry(CycleDay.of(WEDNESDAY), 3L)
        .containsEntry(CycleDay.of(MONDAY), 2L);
    assertThat(creators.count()).isEqualTo(5);
  }

  @Test
  void should_count_never_scraped_and_overdue_creators_as_due() {
    TestCreators.add(creators, "new", 2, WEDNESDAY, null);
    TestCreators.add(creators, "overdue", 3, MONDAY, WED.minusDays(2));
    TestCreators.add(creators, "today", 4, WEDNESDAY, WED);
    TestCreators.add(creators, "later", 5, MONDAY, WED.plusDays(5));

    assertThat(creators.countDueOn(WED)).isEqualTo(9);
    assertThat(creators.countScheduledFor(WED)).isEqualTo(4);
  }

  @Test
  void should_store_a_visit_and_keep_what_the_visit_did_not_learn() {
    CreatorId id = TestCreators.add(creators, "mia", 1, WEDNESDAY, WED).get(0);
    Instant first = Instant.parse("2025-08-27T09:01:02Z");
    creators.recordVisits(
        List.of(
            new CreatorVisit(
                id,
                first,
                WED.plusDays(7),
                new Profile(
                    "42", "Mia", "bio", true, false, new ProfileStats(10L, 20L, 30L, 40L)))));

    Instant second = Instant.parse("2025-09-03T09:01:02Z");
    creators.recordVisits(
        List.of(
            new CreatorVisit(
                id,
                second,
                WED.plusDays(14),
                new Profile(
                    null, null, null, null, true, new ProfileStats(11L, null, null, null)))));

    Creator stored = creators.find(id).orElseThrow();
    assertThat(stored.lastScrapedAt()).isEqualTo(second);
    assertThat(stored.nextDue()).isEqualTo(WED.plusDays(14));
    assertThat(stored.profile())
        .isEqualTo(
            new Profile("42", "Mia", "bio", true, true, new ProfileStats(11L, 20L, 30L, 40L)));
  }

  @Test
  void should_store_a_batch_of_visits_as_it_would_store_them_one_by_one() {
    List<CreatorId> ids = TestCreators.add(creators, "batch", 3, WEDNESDAY, WED);
    creators.recordVisits(
        List.of(
            new CreatorVisit(
                ids.get(0),
                atNine(WED),
                WED.plusDays(7),
                new Profile("1", "One", "bio", false, false, new ProfileStats(10L, 1L, 1L, 1L)))));
    creators.remove(ids.get(2), atNine(WED));

    creators.recordVisits(
        List.of(
            new CreatorVisit(
                ids.get(0),
                atNine(WED.plusDays(7)),
                WED.plusDays(14),
                new Profile(null, null, null, true, null, new ProfileStats(11L, null, null, null))),
            new CreatorVisit(ids.get(1), atNine(WED.plusDays(7)), WED.plusDays(14), null),
            okVisit(ids.get(2), WED.plusDays(7), new ProfileStats(5L, 5L, 5L, 5L)),
            okVisit(new CreatorId(987_654), WED.plusDays(7), new ProfileStats(1L, 1L, 1L, 1L))));

    Creator first = creators.find(ids.get(0)).orElseThrow();
    Creator second = creators.find(ids.get(1)).orElseThrow();
    Creator removed = creators.find(ids.get(2)).orElseThrow();
    assertThat(first.profile())
        .isEqualTo(new Profile("1", "One", "bio", true, false, new ProfileStats(11L, 1L, 1L, 1L)));
    assertThat(first.lastScrapedAt()).isEqualTo(atNine(WED.plusDays(7)));
    assertThat(second.nextDue()).isEqualTo(WED.plusDays(14));
    assertThat(second.profile()).isNull();
    assertThat(removed.goneReason()).isEqualTo(GoneReason.REMOVED);
    assertThat(creators.statsHistory(ids.get(0), null, 10)).hasSize(2);
    assertThat(creators.statsHistory(ids.get(1), null, 10)).isEmpty();
  }

  @Test
  void should_move_a_visit_on_without_a_profile() {
    CreatorId id = TestCreators.add(creators, "hidden", 1, WEDNESDAY, WED).get(0);

    creators.recordVisits(
        List.of(
            new CreatorVisit(id, Instant.parse("2025-08-27T10:00:00Z"), WED.plusDays(7), null)));

    Creator stored = creators.find(id).orElseThrow();
    assertThat(stored.nextDue()).isEqualTo(WED.plusDays(7));
    assertThat(stored.profile()).isNull();
  }

  @Test
  void should_list_the_newest_creators_of_a_day_first() {
    List<CreatorId> ids = TestCreators.add(creators, "wed", 5, WEDNESDAY, WED);
    TestCreators.add(creators, "mon", 2, MONDAY, WED);

    List<ScheduledCreator> newest = creators.onDay(CycleDay.of(WEDNESDAY), 2);

    assertThat(newest).extracting(ScheduledCreator::id).containsExactly(ids.get(4), ids.get(3));
  }

  @Test
  void should_rewrite_day_and_due_date_together() {
    CreatorId id = TestCreators.add(creators, "move", 1, WEDNESDAY, WED).get(0);

    creators.reschedule(List.of(new ScheduledCreator(id, CycleDay.of(MONDAY), WED.plusDays(5))));

    Creator stored = creators.find(id).orElseThrow();
    assertThat(stored.day()).isEqualTo(CycleDay.of(MONDAY));
    assertThat(stored.nextDue()).isEqualTo(WED.plusDays(5));
  }

  @Test
  void should_find_nothing_for_unknown_ids_and_handles() {
    assertThat(creators.find(new CreatorId(987654))).isEmpty();
    assertThat(creators.find(Platform.TIKTOK, new Handle("nobody.here"))).isEmpty();
  }

  @Test
  void should_keep_the_display_handle_of_the_first_form_added() {
    creators.addAll(
        List.of(written(Platform.INSTAGRAM, "https://www.instagram.com/Lena.Bakes/", MONDAY, null)),
        ADDED_AT);

    List<Optional<CreatorId>> again =
        creators.addAll(
            List.of(
                written(Platform.INSTAGRAM, "@LENA.BAKES", MONDAY, null),
                written(Platform.INSTAGRAM, "lena.bakes", MONDAY, null)),
            ADDED_AT);

    Creator stored = creators.find(Platform.INSTAGRAM, new Handle("lena.bakes")).orElseThrow();
    assertThat(again).containsOnly(Optional.empty());
    assertThat(stored.displayHandle()).isEqualTo("Lena.Bakes");
    assertThat(creators.count()).isEqualTo(1);
  }

  @Test
  void should_mark_a_creator_gone_only_when_not_found_on_enough_different_dates() {
    CreatorId id = TestCreators.add(creators, "lost", 1, WEDNESDAY, WED).get(0);

    List<Creator> first = creators.recordNotFound(List.of(notFound(id, WED)), 3);
    List<Creator> sameDate = creators.recordNotFound(List.of(notFound(id, WED)), 3);
    List<Creator> second = creators.recordNotFound(List.of(notFound(id, WED.plusDays(1))), 3);
    List<Creator> third = creators.recordNotFound(List.of(notFound(id, WED.plusDays(2))), 3);
    List<Creator> fourth = creators.recordNotFound(List.of(notFound(id, WED.plusDays(3))), 3);

    assertThat(first).isEmpty();
    assertThat(sameDate).isEmpty();
    assertThat(second).isEmpty();
    assertThat(third)
        .singleElement()
        .satisfies(
            gone -> {
              assertThat(gone.id()).isEqualTo(id);
              assertThat(gone.goneSince()).isEqualTo(atNine(WED.plusDays(2)));
              assertThat(gone.goneReason()).isEqualTo(GoneReason.NOT_FOUND);
              assertThat(gone.notFound()).isEqualTo(new NotFoundStreak(3, WED, WED.plusDays(2)));
            });
    assertThat(fourth).isEmpty();
    assertThat(creators.find(id).orElseThrow().goneSince()).isEqualTo(atNine(WED.plusDays(2)));
  }

  @Test
  void should_count_an_older_job_date_not_found_again_only_once() {
    CreatorId id = TestCreators.add(creators, "lost", 1, WEDNESDAY, WED).get(0);
    creators.recordNotFound(List.of(notFound(id, WED)), 3);
    creators.recordNotFound(List.of(notFound(id, WED.plusDays(1))), 3);

    List<Creator> olderRetried = creators.recordNotFound(List.of(notFound(id, WED)), 3);

    assertThat(olderRetried).isEmpty();
    assertThat(creators.find(id).orElseThrow().notFound())
        .isEqualTo(new NotFoundStreak(2, WED, WED.plusDays(1)));
  }

  @Test
  void should_leave_a_gone_creator_off_the_schedule_but_keep_it_findable() {
    CreatorId gone = TestCreators.add(creators, "gone", 1, WEDNESDAY, WED).get(0);
    TestCreators.add(creators, "here", 2, WEDNESDAY, WED);
    TestCreators.add(creators, "new", 1, WEDNESDAY, null);
    TestCreators.markGone(creators, gone, WED.minusDays(3));

    Creator found = creators.find(gone).orElseThrow();

    assertThat(found.isGone()).isTrue();
    assertThat(creators.find(found.platform(), found.handle())).contains(found);
    assertThat(creators.count()).isEqualTo(3);
    assertThat(creators.countGone()).isEqualTo(1);
    assertThat(creators.countByDay()).containsEntry(CycleDay.of(WEDNESDAY), 3L);
    assertThat(creators.countDueOn(WED)).isEqualTo(3);
    assertThat(creators.countScheduledFor(WED)).isEqualTo(2);
    assertThat(creators.onDay(CycleDay.of(WEDNESDAY), 10))
        .extracting(ScheduledCreator::id)
        .doesNotContain(gone)
        .hasSize(3);
  }

  @Test
  void should_end_the_not_found_streak_and_the_gone_state_on_a_visit() {
    List<CreatorId> ids = TestCreators.add(creators, "back", 2, WEDNESDAY, WED);
    creators.recordNotFound(List.of(notFound(ids.get(0), WED)), 3);
    TestCreators.markGone(creators, ids.get(1), WED.minusDays(3));

    creators.recordVisits(
        List.of(
            new CreatorVisit(ids.get(0), atNine(WED.plusDays(1)), WED.plusDays(7), null),
            new CreatorVisit(
                ids.get(1),
                atNine(WED.plusDays(1)),
                WED.plusDays(7),
                null,
                ScrapeOutcome.PRIVATE)));

    assertThat(creators.find(ids.get(0)).orElseThrow().notFound()).isNull();
    assertThat(creators.find(ids.get(1)).orElseThrow().notFound()).isNull();
    assertThat(creators.find(ids.get(1)).orElseThrow().isGone()).isFalse();
    assertThat(creators.countGone()).isZero();
  }

  @Test
  void should_bring_back_a_gone_creator_on_its_new_day_due_at_once() {
    CreatorId gone = TestCreators.add(creators, "gone", 1, WEDNESDAY, WED).get(0);
    TestCreators.add(creators, "here", 1, WEDNESDAY, WED);
    TestCreators.markGone(creators, gone, WED.minusDays(3));
    Creator before = creators.find(gone).orElseThrow();

    List<Optional<CreatorId>> returned =
        creators.returnGone(
            List.of(
                placed(Platform.INSTAGRAM, "gone.0", MONDAY, WED.plusDays(5)),
                placed(Platform.INSTAGRAM, "here.0", MONDAY, null),
                placed(Platform.TIKTOK, "nobody.here", MONDAY, null)));

    Creator back = creators.find(gone).orElseThrow();
    assertThat(returned).containsExactly(Optional.of(gone), Optional.empty(), Optional.empty());
    assertThat(back.isGone()).isFalse();
    assertThat(back.notFound()).isNull();
    assertThat(back.day()).isEqualTo(CycleDay.of(MONDAY));
    assertThat(back.nextDue()).isNull();
    assertThat(back.displayHandle()).isEqualTo(before.displayHandle());
    assertThat(creators.countDueOn(WED)).isEqualTo(2);
    assertThat(creators.count()).isEqualTo(2);
  }

  @Test
  void should_keep_known_counts_when_a_private_visit_shows_zero_or_nothing() {
    CreatorId id = TestCreators.add(creators, "went.private", 1, WEDNESDAY, WED).get(0);
    creators.recordVisits(
        List.of(
            new CreatorVisit(
                id,
                atNine(WED),
                WED.plusDays(7),
                new Profile(
                    "7", "Went", "bio", false, false, new ProfileStats(900L, 90L, 9L, 5L)))));

    creators.recordVisits(
        List.of(
            new CreatorVisit(
                id,
                atNine(WED.plusDays(7)),
                WED.plusDays(14),
                new Profile(null, null, null, null, null, new ProfileStats(0L, 91L, 0L, null)),
                ScrapeOutcome.PRIVATE)));

    Profile stored = creators.find(id).orElseThrow().profile();
    assertThat(stored.stats()).isEqualTo(new ProfileStats(900L, 91L, 9L, 5L));
    assertThat(stored.privateAccount()).isTrue();
  }

  @Test
  void should_leave_a_count_unknown_when_a_private_visit_does_not_carry_it() {
    CreatorId id = TestCreators.add(creators, "private.first", 1, WEDNESDAY, WED).get(0);

    creators.recordVisits(
        List.of(
            new CreatorVisit(
                id,
                atNine(WED),
                WED.plusDays(7),
                new Profile("8", null, null, null, true, new ProfileStats(120L, 0L, null, null)),
                ScrapeOutcome.PRIVATE)));

    assertThat(creators.find(id).orElseThrow().profile().stats())
        .isEqualTo(new ProfileStats(120L, null, null, null));
  }

  @Test
  void should_add_a_stats_snapshot_for_each_ok_visit_only() {
    CreatorId id = TestCreators.add(creators, "growing", 1, WEDNESDAY, WED).get(0);
    CreatorVisit ok = okVisit(id, WED, new ProfileStats(1_200_000L, 10L, 300L, null, true));
    CreatorVisit hidden =
        new CreatorVisit(
            id,
            atNine(WED.plusDays(7)),
            WED.plusDays(14),
            new Profile(null, null, null, null, true, new ProfileStats(1_300_000L, 0L, 0L, null)),
            ScrapeOutcome.PRIVATE);

    creators.recordVisits(List.of(ok));
    creators.recordVisits(List.of(ok));
    creators.recordVisits(List.of(hidden));

    assertThat(creators.statsHistory(id, null, 10))
        .containsExactly(
            new StatsSnapshot(
                id, atNine(WED), new ProfileStats(1_200_000L, 10L, 300L, null, true)));
  }

  @Test
  void should_add_no_snapshot_for_a_visit_without_a_profile_or_of_an_unknown_creator() {
    CreatorId id = TestCreators.add(creators, "quiet", 1, WEDNESDAY, WED).get(0);
    CreatorId unknown = new CreatorId(987654);

    creators.recordVisits(
        List.of(
            new CreatorVisit(id, atNine(WED), WED.plusDays(7), null),
            okVisit(unknown, WED, new ProfileStats(1L, 2L, 3L, 4L))));

    assertThat(creators.statsHistory(id, null, 10)).isEmpty();
    assertThat(creators.statsHistory(unknown, null, 10)).isEmpty();
    assertThat(creators.find(id).orElseThrow().nextDue()).isEqualTo(WED.plusDays(7));
  }

  @Test
  void should_return_the_latest_snapshots_since_an_instant_oldest_first() {
    CreatorId id = TestCreators.add(creators, "charted", 1, WEDNESDAY, WED).get(0);
    CreatorId other = TestCreators.add(creators, "other", 1, WEDNESDAY, WED).get(0);
    for (int week = 0; week < 5; week++) {
      creators.recordVisits(
          List.of(
              okVisit(id, WED.plusWeeks(week), new ProfileStats(100L + week, null, null, null)),
              okVisit(other, WED.plusWeeks(week), new ProfileStats(5L, null, null, null))));
    }

    List<StatsSnapshot> latestTwo = creators.statsHistory(id, null, 2);
    List<StatsSnapshot> sinceWeekThree = creators.statsHistory(id, atNine(WED.plusWeeks(3)), 10);
    List<StatsSnapshot> sinceWeekOneAtMostTwo =
        creators.statsHistory(id, atNine(WED.plusWeeks(1)), 2);

    assertThat(latestTwo)
        .extracting(snapshot -> snapshot.stats().followers())
        .containsExactly(103L, 104L);
    assertThat(sinceWeekThree)
        .extracting(StatsSnapshot::scrapedAt)
        .containsExactly(atNine(WED.plusWeeks(3)), atNine(WED.plusWeeks(4)));
    assertThat(sinceWeekOneAtMostTwo)
        .extracting(snapshot -> snapshot.stats().followers())
        .containsExactly(103L, 104L);
    assertThat(latestTwo).allSatisfy(snapshot -> assertThat(snapshot.creatorId()).isEqualTo(id));
  }

  @Test
  void should_prune_only_snapshots_older_than_the_cutoff_a_batch_at_a_time() {
    List<CreatorId> ids = TestCreators.add(creators, "old", 3, WEDNESDAY, WED);
    for (CreatorId id : ids) {
      creators.recordVisits(
          List.of(
              okVisit(id, WED, new ProfileStats(1L, null, null, null)),
              okVisit(id, WED.plusDays(1), new ProfileStats(2L, null, null, null))));
    }
    Instant cutoff = atNine(WED).plus(Duration.ofHours(1));

    int firstBatch = creators.pruneStats(cutoff, 2);
    int secondBatch = creators.pruneStats(cutoff, 2);
    int nothingLeft = creators.pruneStats(cutoff, 2);

    assertThat(firstBatch).isEqualTo(2);
    assertThat(secondBatch).isEqualTo(1);
    assertThat(nothingLeft).isZero();
    for (CreatorId id : ids) {
      assertThat(creators.statsHistory(id, null, 10))
          .extracting(StatsSnapshot::scrapedAt)
          .containsExactly(atNine(WED.plusDays(1)));
    }
  }

  @Test
  void should_return_every_creator_exactly_once_when_paging_in_id_order() {
    List<CreatorId> ids = TestCreators.add(creators, "paged", 23, WEDNESDAY, WED);
    CreatorQuery query = CreatorQuery.builder().limit(5).build();

    List<List<CreatorId>> pages = new ArrayList<>();
    List<Creator> page = creators.search(query);
    while (!page.isEmpty() && pages.size() < 10) {
      pages.add(page.stream().map(Creator::id).toList());
      page = creators.search(query.withAfter(page.get(page.size() - 1).id()));
    }

    assertThat(pages).extracting(List::size).containsExactly(5, 5, 5, 5, 3);
    assertThat(pages.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(ids);
  }

  @Test
  void should_return_only_creators_after_the_given_id() {
    List<CreatorId> ids = TestCreators.add(creators, "later", 6, WEDNESDAY, WED);

    List<Creator> found =
        creators.search(CreatorQuery.builder().after(ids.get(3)).limit(10).build());

    assertThat(found).extracting(Creator::id).containsExactly(ids.get(4), ids.get(5));
  }

  @Test
  void should_return_only_creators_of_the_platform_asked_for() {
    List<CreatorId> ids = TestCreators.add(creators, "mixed", 6, WEDNESDAY, WED);

    List<Creator> found =
        creators.search(CreatorQuery.builder().platform(Platform.TIKTOK).limit(10).build());

    assertThat(found).extracting(Creator::id).containsExactly(ids.get(1), ids.get(3), ids.get(5));
  }

  @Test
  void should_find_creators_whose_handle_contains_the_text_in_any_case() {
    creators.addAll(
        List.of(
            placed(Platform.INSTAGRAM, "lena.bakes", WEDNESDAY, WED),
            placed(Platform.TIKTOK, "kofi_codes", WEDNESDAY, WED),
            placed(Platform.TIKTOK, "bakes.daily", WEDNESDAY, WED)),
        ADDED_AT);

    List<Creator> found = creators.search(CreatorQuery.builder().text("BaKeS").build());

    assertThat(found)
        .extracting(creator -> creator.handle().value())
        .containsExactly("lena.bakes", "bakes.daily");
  }

  @Test
  void should_match_percent_underscore_and_backslash_in_the_text_literally() {
    creators.addAll(
        List.of(
            placed(Platform.TIKTOK, "kofi_codes", WEDNESDAY, WED),
            placed(Platform.TIKTOK, "kofixcodes", WEDNESDAY, WED)),
        ADDED_AT);

    List<Creator> underscore = creators.search(CreatorQuery.builder().text("i_c").build());
    List<Creator> percent = creators.search(CreatorQuery.builder().text("kofi%").build());
    List<Creator> backslash = creators.search(CreatorQuery.builder().text("i\\_c").build());

    assertThat(underscore)
        .extracting(creator -> creator.handle().value())
        .containsExactly("kofi_codes");
    assertThat(percent).isEmpty();
    assertThat(backslash).isEmpty();
  }

  @Test
  void should_leave_gone_creators_out_of_a_search_unless_asked_for() {
    List<CreatorId> ids = TestCreators.add(creators, "some.gone", 3, WEDNESDAY, WED);
    TestCreators.markGone(creators, ids.get(1), WED.minusDays(3));

    List<Creator> onSchedule = creators.search(CreatorQuery.builder().build());
    List<Creator> all = creators.search(CreatorQuery.builder().includeGone(true).build());

    assertThat(onSchedule).extracting(Creator::id).containsExactly(ids.get(0), ids.get(2));
    assertThat(all).extracting(Creator::id).containsExactlyElementsOf(ids);
  }

  @Test
  void should_combine_the_filters_of_a_search() {
    List<CreatorId> ids = TestCreators.add(creators, "combined", 10, WEDNESDAY, WED);
    TestCreators.add(creators, "other", 2, WEDNESDAY, WED);
    TestCreators.markGone(creators, ids.get(2), WED.minusDays(3));

    List<Creator> found =
        creators.search(
            CreatorQuery.builder()
                .platform(Platform.INSTAGRAM)
                .text("D.")
                .after(ids.get(0))
                .limit(10)
                .build());

    assertThat(found).extracting(Creator::id).containsExactly(ids.get(4), ids.get(6), ids.get(8));
  }

  @Test
  void should_return_a_search_result_as_find_does() {
    CreatorId id = TestCreators.add(creators, "same", 1, WEDNESDAY, WED).get(0);
    creators.recordVisits(List.of(okVisit(id, WED, new ProfileStats(5L, 6L, 7L, 8L))));

    List<Creator> found = creators.search(CreatorQuery.builder().text("same").build());

    assertThat(found).containsExactly(creators.find(id).orElseThrow());
  }

  @Test
  void should_leave_a_removed_creator_off_the_schedule_but_keep_it_findable() {
    CreatorId removed = TestCreators.add(creators, "removed", 1, WEDNESDAY, WED).get(0);
    TestCreators.add(creators, "here", 2, WEDNESDAY, WED);
    TestCreators.add(creators, "new", 1, WEDNESDAY, null);

    Optional<Creator> result = creators.remove(removed, atNine(WED));

    Creator found = creators.find(removed).orElseThrow();
    assertThat(result).contains(found);
    assertThat(found.isRemoved()).isTrue();
    assertThat(found.isGone()).isTrue();
    assertThat(found.goneReason()).isEqualTo(GoneReason.REMOVED);
    assertThat(found.goneSince()).isEqualTo(atNine(WED));
    assertThat(creators.find(found.platform(), found.handle())).contains(found);
    assertThat(creators.count()).isEqualTo(3);
    assertThat(creators.countGone()).isZero();
    assertThat(creators.countByDay()).containsEntry(CycleDay.of(WEDNESDAY), 3L);
    assertThat(creators.countDueOn(WED)).isEqualTo(3);
    assertThat(creators.countScheduledFor(WED)).isEqualTo(2);
    assertThat(creators.onDay(CycleDay.of(WEDNESDAY), 10))
        .extracting(ScheduledCreator::id)
        .doesNotContain(removed)
        .hasSize(3);
  }

  @Test
  void should_list_a_removed_creator_only_when_a_search_includes_gone_ones() {
    List<CreatorId> ids = TestCreators.add(creators, "listed", 2, WEDNESDAY, WED);
    creators.remove(ids.get(0), atNine(WED));

    List<Creator> onSchedule = creators.search(CreatorQuery.builder().build());
    List<Creator> all = creators.search(CreatorQuery.builder().includeGone(true).build());

    assertThat(onSchedule).extracting(Creator::id).containsExactly(ids.get(1));
    assertThat(all).extracting(Creator::id).containsExactlyElementsOf(ids);
  }

  @Test
  void should_remove_a_creator_once_and_keep_the_time_of_the_first_removal() {
    CreatorId id = TestCreators.add(creators, "twice", 1, WEDNESDAY, WED).get(0);
    Creator first = creators.remove(id, atNine(WED)).orElseThrow();

    Optional<Creator> second = creators.remove(id, atNine(WED.plusDays(1)));

    assertThat(second).isEmpty();
    assertThat(creators.find(id)).contains(first);
    assertThat(first.goneSince()).isEqualTo(atNine(WED));
  }

  @Test
  void should_remove_nothing_for_an_unknown_id() {
    TestCreators.add(creators, "known", 1, WEDNESDAY, WED);

    Optional<Creator> removed = creators.remove(new CreatorId(987654), atNine(WED));

    assertThat(removed).isEmpty();
    assertThat(creators.count()).isEqualTo(1);
  }

  @Test
  void should_turn_a_gone_creator_into_a_removed_one() {
    CreatorId id = TestCreators.add(creators, "gone.then.removed", 1, WEDNESDAY, WED).get(0);
    TestCreators.markGone(creators, id, WED.minusDays(3));

    Creator removed = creators.remove(id, atNine(WED)).orElseThrow();

    assertThat(removed.goneReason()).isEqualTo(GoneReason.REMOVED);
    assertThat(removed.goneSince()).isEqualTo(atNine(WED));
    assertThat(creators.countGone()).isZero();
  }

  @Test
  void should_keep_a_removed_creator_removed_and_its_history_when_a_visit_is_recorded() {
    CreatorId id = TestCreators.add(creators, "visited.late", 1, WEDNESDAY, WED).get(0);
    creators.recordVisits(List.of(okVisit(id, WED, new ProfileStats(100L, 1L, 1L, 1L))));
    creators.remove(id, atNine(WED.plusDays(1)));

    creators.recordVisits(
        List.of(okVisit(id, WED.plusDays(1), new ProfileStats(101L, 1L, 1L, 1L))));

    Creator stored = creators.find(id).orElseThrow();
    assertThat(stored.isRemoved()).isTrue();
    assertThat(stored.goneSince()).isEqualTo(atNine(WED.plusDays(1)));
    assertThat(stored.lastScrapedAt()).isEqualTo(atNine(WED.plusDays(1)));
    assertThat(stored.profile().stats().followers()).isEqualTo(101L);
    assertThat(creators.statsHistory(id, null, 10))
        .extracting(snapshot -> snapshot.stats().followers())
        .containsExactly(100L, 101L);
    assertThat(creators.count()).isZero();
  }

  @Test
  void should_keep_a_removed_creator_removed_when_not_found_again() {
    CreatorId id = TestCreators.add(creators, "removed.lost", 1, WEDNESDAY, WED).get(0);
    creators.remove(id, atNine(WED));

    List<Creator> markedGone = new ArrayList<>();
    for (int day = 1; day <= 3; day++) {
      markedGone.addAll(creators.recordNotFound(List.of(notFound(id, WED.plusDays(day))), 3));
    }

    Creator stored = creators.find(id).orElseThrow();
    assertThat(markedGone).isEmpty();
    assertThat(stored.goneReason()).isEqualTo(GoneReason.REMOVED);
    assertThat(stored.goneSince()).isEqualTo(atNine(WED));
    assertThat(creators.countGone()).isZero();
  }

  @Test
  void should_bring_back_a_removed_creator_on_its_new_day_due_at_once() {
    CreatorId id = TestCreators.add(creators, "removed", 1, WEDNESDAY, WED.plusDays(7)).get(0);
    creators.remove(id, atNine(WED));

    List<Optional<CreatorId>> returned =
        creators.returnGone(List.of(placed(Platform.INSTAGRAM, "removed.0", MONDAY, null)));

    Creator back = creators.find(id).orElseThrow();
    assertThat(returned).containsExactly(Optional.of(id));
    assertThat(back.isGone()).isFalse();
    assertThat(back.isRemoved()).isFalse();
    assertThat(back.goneReason()).isNull();
    assertThat(back.day()).isEqualTo(CycleDay.of(MONDAY));
    assertThat(back.nextDue()).isNull();
    assertThat(creators.countDueOn(WED)).isEqualTo(1);
  }

  private static NotFoundAnswer notFound(CreatorId id, LocalDate jobDate) {
    return new NotFoundAnswer(id, jobDate, atNine(jobDate));
  }

  private static CreatorVisit okVisit(CreatorId id, LocalDate date, ProfileStats stats) {
    return new CreatorVisit(
        id, atNine(date), date.plusDays(7), new Profile(null, null, null, null, false, stats));
  }

  private static Instant atNine(LocalDate date) {
    return date.atTime(9, 0).toInstant(ZoneOffset.UTC);
  }
}
