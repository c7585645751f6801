package io.rescrape.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CreatorTest {

  private static final LocalDate WED = LocalDate.of(2025, 8, 27);
  private static final Instant NINE = Instant.parse("2025-08-27T09:00:00Z");

  @Test
  void should_not_mark_a_creator_gone_after_a_single_not_found() {
    Creator creator = creator().notFoundIn(WED, NINE, 2);

    assertThat(creator.isGone()).isFalse();
    assertThat(creator.notFound()).isEqualTo(NotFoundStreak.startedOn(WED));
    assertThat(creator.isDueOn(WED.plusDays(1))).isTrue();
  }

  @Test
  void should_mark_a_creator_gone_once_enough_different_dates_confirm_it() {
    Creator creator =
        creator()
            .notFoundIn(WED, NINE, 3)
            .notFoundIn(WED, NINE.plusSeconds(60), 3)
            .notFoundIn(WED.plusDays(1), NINE.plusSeconds(86_400), 3)
            .notFoundIn(WED.plusDays(3), NINE.plusSeconds(3 * 86_400), 3);

    assertThat(creator.notFound()).isEqualTo(new NotFoundStreak(3, WED, WED.plusDays(3)));
    assertThat(creator.goneSince()).isEqualTo(NINE.plusSeconds(3 * 86_400));
    assertThat(creator.isDueOn(WED.plusDays(30))).isFalse();
  }

  @Test
  void should_keep_the_time_a_creator_was_first_marked_gone() {
    Creator gone =
        creator().notFoundIn(WED, NINE, 2).notFoundIn(WED.plusDays(1), NINE.plusSeconds(1), 2);

    Creator again = gone.notFoundIn(WED.plusDays(2), NINE.plusSeconds(2), 2);

    assertThat(again.goneSince()).isEqualTo(NINE.plusSeconds(1));
  }

  @Test
  void should_forget_the_streak_and_the_gone_state_after_a_visit() {
    Creator gone =
        creator().notFoundIn(WED, NINE, 2).notFoundIn(WED.plusDays(1), NINE.plusSeconds(1), 2);

    Creator visited =
        gone.visited(
            new CreatorVisit(
                gone.id(), NINE.plusSeconds(2), WED.plusDays(7), null, ScrapeOutcome.PRIVATE));

    assertThat(visited.notFound()).isNull();
    assertThat(visited.isGone()).isFalse();
  }

  @Test
  void should_come_back_on_a_new_day_due_at_once() {
    Creator gone =
        creator().notFoundIn(WED, NINE, 2).notFoundIn(WED.plusDays(1), NINE.plusSeconds(1), 2);

    Creator back = gone.returned(CycleDay.of(DayOfWeek.FRIDAY));

    assertThat(back.isGone()).isFalse();
    assertThat(back.notFound()).isNull();
    assertThat(back.day()).isEqualTo(CycleDay.of(DayOfWeek.FRIDAY));
    assertThat(back.isDueOn(WED)).isTrue();
    assertThat(back.displayHandle()).isEqualTo("Lost.Account");
  }

  @Test
  void should_drop_the_zero_counts_a_private_profile_shows() {
    CreatorVisit visit =
        new CreatorVisit(
            new CreatorId(1),
            NINE,
            WED.plusDays(7),
            new Profile("9", null, null, false, false, new ProfileStats(0L, 12L, 0L, null, true)),
            ScrapeOutcome.PRIVATE);

    assertThat(visit.profile().stats()).isEqualTo(new ProfileStats(null, 12L, null, null, true));
    assertThat(visit.profile().privateAccount()).isTrue();
    assertThat(visit.snapshot()).isEmpty();
  }

  @Test
  void should_keep_zero_counts_of_a_public_profile_and_snapshot_them() {
    ProfileStats none = new ProfileStats(0L, 0L, 0L, 0L);
    CreatorVisit visit =
        new CreatorVisit(
            new CreatorId(1), NINE, WED, new Profile(null, null, null, null, false, none));

    assertThat(visit.snapshot())
        .contains(new StatsSnapshot(new CreatorId(1), NINE, new ProfileStats(0L, 0L, 0L, 0L)));
  }

  @Test
  void should_refuse_a_visit_for_an_outcome_that_did_not_reach_the_creator() {
    assertThatThrownBy(
            () -> new CreatorVisit(new CreatorId(1), NINE, WED, null, ScrapeOutcome.NOT_FOUND))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("creator 1 was not reached (NOT_FOUND)");
  }

  @Test
  void should_leave_the_schedule_when_removed_and_read_as_removed_not_gone() {
    Creator removed = creator().removed(NINE);

    assertThat(removed.isGone()).isTrue();
    assertThat(removed.isRemoved()).isTrue();
    assertThat(removed.goneReason()).isEqualTo(GoneReason.REMOVED);
    assertThat(removed.goneSince()).isEqualTo(NINE);
    assertThat(removed.isDueOn(WED.plusDays(30))).isFalse();
  }

  @Test
  void should_stay_as_first_removed_when_removed_again() {
    Creator removed = creator().removed(NINE);

    Creator again = removed.removed(NINE.plusSeconds(60));

    assertThat(again).isSameAs(removed);
  }

  @Test
  void should_mark_a_creator_gone_after_not_found_with_that_reason() {
    Creator gone =
        creator().notFoundIn(WED, NINE, 2).notFoundIn(WED.plusDays(1), NINE.plusSeconds(1), 2);

    assertThat(gone.goneReason()).isEqualTo(GoneReason.NOT_FOUND);
    assertThat(gone.isRemoved()).isFalse();
  }

  @Test
  void should_stay_removed_after_a_visit_or_more_not_found_answers() {
    Creator removed = creator().removed(NINE);

    Creator visited =
        removed.visited(
            new CreatorVisit(
                removed.id(), NINE.plusSeconds(2), WED.plusDays(7), null, ScrapeOutcome.PRIVATE));
    Creator notFound =
        removed.notFoundIn(WED, NINE, 1).notFoundIn(WED.plusDays(1), NINE.plusSeconds(1), 1);

    assertThat(visited.isRemoved()).isTrue();
    assertThat(visited.goneSince()).isEqualTo(NINE);
    assertThat(visited.lastScrapedAt()).isEqualTo(NINE.plusSeconds(2));
    assertThat(notFound.goneReason()).isEqualTo(GoneReason.REMOVED);
    assertThat(notFound.goneSince()).isEqualTo(NINE);
  }

  @Test
  void should_come_back_from_a_removal_when_returned() {
    Creator back = creator().removed(NINE).returned(CycleDay.of(DayOfWeek.MONDAY));

    assertThat(back.isGone()).isFalse();
    assertThat(back.goneReason()).isNull();
    assertThat(back.isDueOn(WED)).isTrue();
  }

  @Test
  void should_refuse_a_gone_time_without_a_reason() {
    Creator valid = creator();

    assertThatThrownBy(
            () ->
                new Creator(
                    valid.id(),
                    valid.platform(),
                    valid.handle(),
                    valid.displayHandle(),
                    valid.day(),
                    valid.nextDue(),
                    null,
                    null,
                    NINE,
                    null,
                    NINE,
                    null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("creator 1 has gone since");
  }

  private static Creator creator() {
    return new Creator(
        new CreatorId(1),
        Platform.INSTAGRAM,
        new Handle("lost.account"),
        "Lost.Account",
        CycleDay.of(DayOfWeek.WEDNESDAY),
        WED,
        null,
        null,
        NINE,
        null,
        null,
        null);
  }
}
