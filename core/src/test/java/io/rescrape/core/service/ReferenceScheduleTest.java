package io.rescrape.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.rescrape.core.Rescrape;
import io.rescrape.core.domain.CycleDay;
import io.rescrape.core.domain.DailyJobCreation;
import io.rescrape.core.domain.NewCreator;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.fixtures.RescrapeFixture;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The deployment Rescrape replaces: 1,755 creators last scraped Wed 2025-08-20 to Mon 2025-08-25,
 * nobody on Tuesday. Its published split (Wed 292, Thu 292, Fri-Mon 293) adds up to 1,756, so the
 * 1,755 here keep 292 on Monday as well.
 */
class ReferenceScheduleTest {

  static final Map<LocalDate, Integer> LAST_SCRAPES = new LinkedHashMap<>();

  static {
    LAST_SCRAPES.put(LocalDate.of(2025, 8, 20), 292);
    LAST_SCRAPES.put(LocalDate.of(2025, 8, 21), 292);
    LAST_SCRAPES.put(LocalDate.of(2025, 8, 22), 293);
    LAST_SCRAPES.put(LocalDate.of(2025, 8, 23), 293);
    LAST_SCRAPES.put(LocalDate.of(2025, 8, 24), 293);
    LAST_SCRAPES.put(LocalDate.of(2025, 8, 25), 292);
  }

  private final RescrapeFixture fixture = new RescrapeFixture();

  @Test
  void should_describe_the_wednesday_job_as_the_reference_did() {
    Rescrape rescrape = referenceDeployment();

    DailyJobCreation creation = rescrape.planner().planDay(LocalDate.of(2025, 8, 27));

    assertThat(creation.job().description())
        .isEqualTo("Daily rescrape - 292 creators due (2025-08-27)");
  }

  @Test
  void should_report_the_reference_schedule_on_the_tuesday_before() {
    Rescrape rescrape = referenceDeployment();
    fixture.clock.set(Instant.parse("2025-08-26T12:00:00Z"));

    ScheduleReport report = rescrape.schedule().report();

    assertThat(report.perDay())
        .containsEntry(CycleDay.of(DayOfWeek.WEDNESDAY), 292L)
        .containsEntry(CycleDay.of(DayOfWeek.THURSDAY), 292L)
        .containsEntry(CycleDay.of(DayOfWeek.FRIDAY), 293L)
        .containsEntry(CycleDay.of(DayOfWeek.SATURDAY), 293L)
        .containsEntry(CycleDay.of(DayOfWeek.SUNDAY), 293L)
        .containsEntry(CycleDay.of(DayOfWeek.MONDAY), 292L)
        .containsEntry(CycleDay.of(DayOfWeek.TUESDAY), 0L);
    assertThat(report.total()).isEqualTo(1_755);
    assertThat(report.dailyAverage()).isEqualTo(292.5);
    assertThat(report.dueToday()).isZero();
    assertThat(report.dueTomorrow()).isEqualTo(292);
  }

  @Test
  void should_find_the_reference_schedule_balanced() {
    Rescrape rescrape = referenceDeployment();

    assertThat(rescrape.rebalancer().plan().isNoop()).isTrue();
  }

  private Rescrape referenceDeployment() {
    Rescrape rescrape = fixture.instance("reference");
    List<NewCreator> batch = new ArrayList<>();
    int n = 0;
    for (Map.Entry<LocalDate, Integer> day : LAST_SCRAPES.entrySet()) {
      Instant scraped = day.getKey().atTime(9, 20).toInstant(java.time.ZoneOffset.UTC);
      for (int i = 0; i < day.getValue(); i++, n++) {
        Platform platform = n % 2 == 0 ? Platform.INSTAGRAM : Platform.TIKTOK;
        batch.add(
            new NewCreator(
                platform, io.rescrape.core.domain.Handle.of(platform, "ref." + n), scraped));
      }
    }
    fixture.importAll(batch);
    return rescrape;
  }
}
