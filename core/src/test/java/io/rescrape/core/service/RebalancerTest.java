package io.rescrape.core.service;

import static io.rescrape.core.fixtures.RescrapeFixture.NINE;
import static io.rescrape.core.fixtures.RescrapeFixture.WED;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rescrape.core.Rescrape;
import io.rescrape.core.contract.TestCreators;
import io.rescrape.core.domain.Creator;
import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.CycleDay;
import io.rescrape.core.domain.JobStateException;
import io.rescrape.core.domain.Lease;
import io.rescrape.core.domain.RebalancePlan;
import io.rescrape.core.event.CreatorsRebalanced;
import io.rescrape.core.fixtures.RescrapeFixture;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RebalancerTest {

  private final RescrapeFixture fixture = new RescrapeFixture();

  @Test
  void should_change_nothing_in_a_dry_run() {
    TestCreators.add(fixture.stores.creators(), "crowd", 60, WEDNESDAY, WED.plusDays(7));
    Rescrape rescrape = fixture.instance("a");

    RebalancePlan plan = rescrape.rebalancer().plan();

    assertThat(plan.movedCreators()).isEqualTo(50);
    assertThat(fixture.stores.creators().countByDay())
        .isEqualTo(Map.of(CycleDay.of(WEDNESDAY), 60L));
  }

  @Test
  void should_level_active_days_and_move_due_dates_with_the_days() {
    List<CreatorId> crowd =
        TestCreators.add(fixture.stores.creators(), "crowd", 60, WEDNESDAY, WED.plusDays(7));
    TestCreators.add(fixture.stores.creators(), "rest", 6, TUESDAY, WED.plusDays(6));
    Rescrape rescrape = fixture.instance("a");

    RebalancePlan plan = rescrape.rebalancer().apply();

    Map<CycleDay, Long> loads = fixture.stores.creators().countByDay();
    assertThat(loads.get(CycleDay.of(TUESDAY))).isNull();
    assertThat(loads.values()).allSatisfy(load -> assertThat(load).isEqualTo(11L));
    assertThat(plan.movedCreators()).isEqualTo(6 + 49);
    for (CreatorId id : crowd) {
      Creator creator = fixture.creator(id);
      assertThat(rescrape.policy().cycle().dayOf(creator.nextDue())).isEqualTo(creator.day());
      assertThat(creator.nextDue()).isAfter(WED).isBeforeOrEqualTo(WED.plusDays(10));
    }
    assertThat(fixture.events.ofType(CreatorsRebalanced.class)).hasSize(1);
  }

  @Test
  void should_keep_the_oldest_creators_on_their_day() {
    List<CreatorId> ids =
        TestCreators.add(fixture.stores.creators(), "crowd", 12, MONDAY, WED.plusDays(5));
    Rescrape rescrape = fixture.instance("a");

    rescrape.rebalancer().apply();

    assertThat(fixture.creator(ids.get(0)).day()).isEqualTo(CycleDay.of(MONDAY));
    assertThat(fixture.creator(ids.get(1)).day()).isEqualTo(CycleDay.of(MONDAY));
    assertThat(fixture.creator(Collections.max(ids)).day()).isNotEqualTo(CycleDay.of(MONDAY));
  }

  @Test
  void should_refuse_to_apply_while_a_job_runs() {
    TestCreators.add(fixture.stores.creators(), "crowd", 12, WEDNESDAY, WED);
    Rescrape rescrape = fixture.instance("a");
    var job = rescrape.planner().planDay(WED).job();
    fixture.jobs().start(job.id(), new Lease("other", NINE.plusSeconds(30)), NINE);

    assertThatThrownBy(() -> rescrape.rebalancer().apply())
        .isInstanceOf(JobStateException.class)
        .hasMessageContaining("job " + job.id() + " is running");
  }
}
