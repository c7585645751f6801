package io.rescrape.core.domain;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Rule 4: active-day loads stay level, imports spread, a rebalance moves as few as possible. */
class BalanceTest {

  private final SchedulePolicy policy = new SchedulePolicy(ScheduleSettings.defaults());

  @Test
  void should_spread_1755_new_creators_three_days_at_293_and_three_at_292() {
    Map<CycleDay, Long> loads = importNew(1_755, Map.of());

    assertThat(activeLoads(loads)).containsExactlyInAnyOrder(292L, 292L, 292L, 293L, 293L, 293L);
    assertThat(loads.get(CycleDay.of(TUESDAY))).isZero();
  }

  @Test
  void should_spread_1756_new_creators_as_the_reference_292_292_293_293_293_293() {
    // The reference deployment lists Wed 292, Thu 292, Fri-Mon 293: that sums to 1,756, not the
    // 1,755 it states, so both totals are checked.
    Map<CycleDay, Long> loads = importNew(1_756, Map.of());

    assertThat(activeLoads(loads)).containsExactlyInAnyOrder(292L, 292L, 293L, 293L, 293L, 293L);
    assertThat(loads.get(CycleDay.of(TUESDAY))).isZero();
  }

  @Test
  void should_find_the_reference_schedule_already_balanced() {
    Map<CycleDay, Long> reference =
        loads(WEDNESDAY, 292, THURSDAY, 292, FRIDAY, 293, SATURDAY, 293, SUNDAY, 293, MONDAY, 293);

    RebalancePlan plan = policy.planRebalance(reference);

    assertThat(plan.isNoop()).isTrue();
  }

  @Test
  void should_add_about_a_sixth_of_a_bulk_import_to_each_active_day() {
    Map<CycleDay, Long> before = loads(MONDAY, 500, WEDNESDAY, 100);

    Map<CycleDay, Long> after = importNew(6_000, before);

    assertThat(activeLoads(after)).allSatisfy(load -> assertThat(load).isBetween(1_100L, 1_101L));
  }

  @Test
  void should_keep_an_imported_creator_on_the_weekday_of_its_last_scrape() {
    DayAssigner assigner = policy.assigner(Map.of());

    DayAssigner.Placement placement = assigner.place(java.time.LocalDate.of(2025, 8, 20));

    assertThat(placement.day()).isEqualTo(CycleDay.of(WEDNESDAY));
    assertThat(placement.nextDue()).isEqualTo(java.time.LocalDate.of(2025, 8, 27));
  }

  @Test
  void should_move_an_imported_creator_last_scraped_on_a_rest_day_to_the_least_loaded_day() {
    DayAssigner assigner =
        policy.assigner(
            loads(MONDAY, 5, WEDNESDAY, 5, THURSDAY, 5, FRIDAY, 5, SATURDAY, 0, SUNDAY, 5));

    DayAssigner.Placement placement = assigner.place(java.time.LocalDate.of(2025, 8, 26));

    assertThat(placement.day()).isEqualTo(CycleDay.of(SATURDAY));
    assertThat(placement.nextDue()).isEqualTo(java.time.LocalDate.of(2025, 8, 30));
  }

  @Test
  void should_empty_rest_days_and_level_active_days_in_a_rebalance() {
    Map<CycleDay, Long> before = loads(TUESDAY, 60, WEDNESDAY, 400, MONDAY, 10);

    RebalancePlan plan = policy.planRebalance(before);

    assertThat(plan.after().get(CycleDay.of(TUESDAY))).isZero();
    assertThat(activeLoads(plan.after())).allSatisfy(load -> assertThat(load).isBetween(78L, 79L));
    assertThat(plan.movedCreators()).isEqualTo(60 + (400 - 79));
  }

  static Stream<Long> seeds() {
    return new Random(20250827L).longs(25).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void should_level_any_load_with_the_fewest_moves(long seed) {
    Random random = new Random(seed);
    Map<CycleDay, Long> before = new HashMap<>();
    for (CycleDay day : policy.cycle().days()) {
      before.put(day, (long) random.nextInt(random.nextBoolean() ? 50 : 5_000));
    }

    RebalancePlan plan = policy.planRebalance(before);

    assertThat(applied(before, plan)).isEqualTo(plan.after());
    List<Long> active = activeLoads(plan.after());
    assertThat(Collections.max(active) - Collections.min(active)).isLessThanOrEqualTo(1);
    assertThat(plan.after().get(CycleDay.of(TUESDAY))).isZero();
    assertThat(plan.movedCreators()).isEqualTo(lowerBoundOfMoves(before));
  }

  /** Every creator above its day's best possible target must move; no plan can do better. */
  private long lowerBoundOfMoves(Map<CycleDay, Long> before) {
    long total = before.values().stream().mapToLong(Long::longValue).sum();
    List<Long> active = new ArrayList<>(activeLoads(policy.loadsOnEveryDay(before)));
    active.sort(Collections.reverseOrder());
    long base = total / active.size();
    long extra = total % active.size();
    long mustMove = before.getOrDefault(CycleDay.of(TUESDAY), 0L);
    for (int i = 0; i < active.size(); i++) {
      mustMove += Math.max(0, active.get(i) - (base + (i < extra ? 1 : 0)));
    }
    return mustMove;
  }

  private Map<CycleDay, Long> applied(Map<CycleDay, Long> before, RebalancePlan plan) {
    Map<CycleDay, Long> result = new LinkedHashMap<>(policy.loadsOnEveryDay(before));
    for (RebalancePlan.Move move : plan.moves()) {
      assertThat(move.count()).isPositive();
      result.merge(move.from(), -move.count(), Long::sum);
      result.merge(move.to(), move.count(), Long::sum);
    }
    return result;
  }

  private Map<CycleDay, Long> importNew(int count, Map<CycleDay, Long> before) {
    DayAssigner assigner = policy.assigner(before);
    Map<CycleDay, Long> loads = new HashMap<>(policy.loadsOnEveryDay(before));
    IntStream.range(0, count).forEach(i -> loads.merge(assigner.place(null).day(), 1L, Long::sum));
    return loads;
  }

  private List<Long> activeLoads(Map<CycleDay, Long> loads) {
    return policy.activeDays().stream().map(day -> loads.getOrDefault(day, 0L)).toList();
  }

  private static Map<CycleDay, Long> loads(Object... dayThenCount) {
    Map<CycleDay, Long> loads = new HashMap<>();
    for (int i = 0; i < dayThenCount.length; i += 2) {
      loads.put(
          CycleDay.of((DayOfWeek) dayThenCount[i]), ((Integer) dayThenCount[i + 1]).longValue());
    }
    return loads;
  }
}
