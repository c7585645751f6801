package io.rescrape.core.contract;

import static io.rescrape.core.contract.TestCreators.ADDED_AT;
import static io.rescrape.core.contract.TestCreators.placed;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.rescrape.core.domain.Creator;
import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.CreatorVisit;
import io.rescrape.core.domain.CycleDay;
import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.Profile;
import io.rescrape.core.domain.ProfileStats;
import io.rescrape.core.domain.ScheduledCreator;
import io.rescrape.core.port.CreatorStore;
import java.time.Instant;
import java.time.LocalDate;
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
}
