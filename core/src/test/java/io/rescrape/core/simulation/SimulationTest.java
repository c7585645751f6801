package io.rescrape.core.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.rescrape.core.Rescrape;
import io.rescrape.core.domain.Creator;
import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.CycleDay;
import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.DailyJobCreation;
import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.InstanceId;
import io.rescrape.core.domain.ItemFailure;
import io.rescrape.core.domain.JobStatus;
import io.rescrape.core.domain.NewCreator;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.ScheduleSettings;
import io.rescrape.core.domain.ScrapeOutcome;
import io.rescrape.core.domain.StoreException;
import io.rescrape.core.event.DatesMissed;
import io.rescrape.core.fixtures.Faults;
import io.rescrape.core.port.CreatorStore;
import io.rescrape.core.port.JobStore;
import io.rescrape.core.port.WorkQueue;
import io.rescrape.core.service.ImportOutcome;
import io.rescrape.core.service.RunnerSettings;
import io.rescrape.core.service.TriggerSettings;
import io.rescrape.core.testing.InMemoryStores;
import io.rescrape.core.testing.RecordingEventListener;
import io.rescrape.core.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Four months of daily operation on in-memory ports with seeded chaos: random scrape outcomes, new
 * creators every day and two bulk imports, instances down across 09:00 or for whole days, processes
 * killed mid-job and deploys that interrupt it. Every simulated day checks the rules of PRODUCT.md
 * that apply to it.
 */
class SimulationTest {

  private static final LocalDate START = LocalDate.of(2025, 9, 1);
  private static final int DAYS = 120;
  private static final int MAX_ATTEMPTS = 3;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {7L, 20_250_827L})
  void should_keep_every_rule_on_every_simulated_day(long seed) {
    Simulation simulation = new Simulation(seed);

    simulation.run();

    assertThat(simulation.crashes).isPositive();
    assertThat(simulation.deploys).isPositive();
    assertThat(simulation.lateStarts).isPositive();
    assertThat(simulation.downDays).isNotEmpty();
    assertThat(simulation.jobs).isGreaterThan(DAYS * 8 / 10);
  }

  private static final class Simulation {
    final Random random;
    final SettableClock clock = new SettableClock(START.atStartOfDay().toInstant(ZoneOffset.UTC));
    final InMemoryStores stores = InMemoryStores.create();
    final SimulatedPlatforms platforms;
    final RecordingEventListener events = new RecordingEventListener();
    final List<CreatorId> everyone = new ArrayList<>();
    final List<LocalDate> downDays = new ArrayList<>();
    final Set<LocalDate> reportedMissing = new HashSet<>();
    final AtomicLong instances = new AtomicLong();
    int crashes;
    int deploys;
    int lateStarts;
    int jobs;
    int handles;
    LocalDate firstJob;

    Simulation(long seed) {
      this.random = new Random(seed);
      this.platforms = new SimulatedPlatforms(seed, MAX_ATTEMPTS);
    }

    void run() {
      importHistory(600);
      instance().rebalancer().apply();
      assertBalanced();
      for (int day = 0; day < DAYS; day++) {
        simulate(START.plusDays(day), day);
      }
      List<LocalDate> reportable =
          downDays.stream()
              .filter(d -> firstJob != null && d.isAfter(firstJob) && d.isBefore(lastDay()))
              .toList();
      assertThat(reportedMissing).as("rule 6: missed dates reported").containsAll(reportable);
    }

    static LocalDate lastDay() {
      return START.plusDays(DAYS - 1);
    }

    void simulate(LocalDate date, int day) {
      platforms.startDay(date);
      clock.set(date.atTime(6, 0).toInstant(ZoneOffset.UTC));
      addNewCreators(day == 30 || day == 75 ? 300 : random.nextInt(13));
      assertBalanced();

      double fate = random.nextDouble();
      if (fate < 0.04) {
        downDays.add(date);
        return;
      }
      boolean late = fate < 0.14;
      lateStarts += late ? 1 : 0;
      Map<CreatorId, Creator> due = dueOn(date);
      DailyJob job = trigger(date, late, due.isEmpty());
      if (job == null) {
        return;
      }
      jobs++;
      firstJob = firstJob == null ? date : firstJob;
      assertThat(job.totalItems()).isEqualTo(due.size());

      int inFlightAtCrash = process(job, due.size());
      checkJob(job, date, due, inFlightAtCrash);
    }

    /** Two instances arm their trigger, as after a restart of a two-node deployment. */
    DailyJob trigger(LocalDate date, boolean late, boolean nothingDue) {
      Rescrape a = instance();
      Rescrape b = instance();
      List<Optional<DailyJobCreation>> results = new ArrayList<>();
      if (late) {
        clock.set(date.atTime(13, 17).toInstant(ZoneOffset.UTC));
        results.add(a.trigger().arm());
        results.add(b.trigger().arm());
      } else {
        clock.set(date.atTime(8, 30).toInstant(ZoneOffset.UTC));
        assertThat(a.trigger().arm()).isEmpty();
        assertThat(b.trigger().arm()).isEmpty();
        clock.set(date.atTime(LocalTime.of(9, 0)).toInstant(ZoneOffset.UTC));
        results.add(a.trigger().fireIfDue());
        results.add(b.trigger().fireIfDue());
      }
      events.ofType(DatesMissed.class).forEach(e -> reportedMissing.addAll(e.dates()));

      List<DailyJobCreation> creations = results.stream().map(Optional::orElseThrow).toList();
      if (nothingDue) {
        assertThat(creations).allMatch(DailyJobCreation::isNothingDue);
        return null;
      }
      assertThat(creations).filteredOn(DailyJobCreation::created).hasSize(1);
      assertThat(creations.get(0).job().id()).isEqualTo(creations.get(1).job().id());
      assertThat(stores.jobs().findByDate(date)).isPresent();
      return creations.get(0).job();
    }

    /** Runs the job, maybe with a kill or a deploy in the middle; returns items lost in flight. */
    int process(DailyJob job, int dueCount) {
      double fault = random.nextDouble();
      int at = 1 + random.nextInt(Math.max(1, dueCount / 2));
      int inFlight = 0;
      if (fault < 0.08) {
        crashes++;
        inFlight = crashAfter(job, at);
        clock.advance(Duration.ofSeconds(31));
      } else if (fault < 0.13) {
        deploys++;
        Rescrape leaving = instance();
        platforms.afterCalls(at, () -> leaving.runner().stop());
        assertThat(leaving.runner().run(job.id()).job().status())
            .isIn(JobStatus.INTERRUPTED, JobStatus.COMPLETED);
      }
      Rescrape survivor = instance();
      for (Optional<DailyJob> next = survivor.jobs().nextRunnable();
          next.isPresent();
          next = survivor.jobs().nextRunnable()) {
        survivor.runner().run(next.get().id());
      }
      return inFlight;
    }

    int crashAfter(DailyJob job, int calls) {
      AtomicBoolean dead = new AtomicBoolean();
      Rescrape victim = instance(dead);
      platforms.afterCalls(
          calls,
          () -> {
            dead.set(true);
            victim.runner().stop();
          });
      try {
        victim.runner().run(job.id());
      } catch (StoreException expected) {
        // the process is gone: nothing it does from here reaches the store
      }
      // What the dead process still holds: leased, scraped or not, never recorded.
      return (int) stores.jobs().progress(job.id()).inProgress();
    }

    void checkJob(DailyJob job, LocalDate date, Map<CreatorId, Creator> due, int inFlightAtCrash) {
      DailyJob done = stores.jobs().find(job.id()).orElseThrow();
      assertThat(done.status()).as("job of %s", date).isEqualTo(JobStatus.COMPLETED);
      assertThat(stores.jobs().progress(job.id()).remaining()).isZero();
      assertThat(stores.jobs().running()).isEmpty();

      Set<Handle> called = platforms.callsToday().keySet();
      assertThat(called)
          .as("creators scraped on %s", date)
          .containsExactlyInAnyOrderElementsOf(due.values().stream().map(Creator::handle).toList());
      assertThat(platforms.redoneToday())
          .as("scraped twice on %s", date)
          .isLessThanOrEqualTo(inFlightAtCrash);

      Map<CreatorId, ItemFailure> failures = new HashMap<>();
      stores.jobs().failures(job.id(), 0, 100_000).forEach(f -> failures.put(f.creatorId(), f));
      Rescrape reader = instance();
      for (Creator before : due.values()) {
        checkCreator(reader, before, failures.get(before.id()), date);
      }
    }

    void checkCreator(Rescrape reader, Creator before, ItemFailure failure, LocalDate date) {
      Creator after = stores.creators().find(before.id()).orElseThrow();
      LocalDate planned = reader.policy().nextDueAfterVisit(after.day(), date);
      if (failure == null || failure.reason() == ScrapeOutcome.PRIVATE) {
        assertThat(after.nextDue())
            .as("rule 1: %s back on its day", after.handle())
            .isEqualTo(planned);
        assertThat(reader.policy().cycle().dayOf(after.nextDue())).isEqualTo(after.day());
        assertThat(after.nextDue()).isBetween(date.plusDays(4), date.plusDays(10));
        if (date.equals(before.nextDue())) {
          assertThat(after.nextDue()).as("rule 1: steady state").isEqualTo(date.plusDays(7));
        }
        return;
      }
      if (platforms.wasRedone(after.handle())) {
        // A crash between writing a visit and writing its ledger row leaves the item unfinished,
        // so it is scraped again (rule 7 allows it); when that second answer fails, the job
        // reports the failure while the creator keeps the visit its first answer earned.
        assertThat(after.nextDue())
            .as("rule 3 or 1: %s, scraped again after a crash", after.handle())
            .isIn(before.nextDue(), planned);
      } else {
        assertThat(after.nextDue())
            .as("rule 3: %s stays due", after.handle())
            .isEqualTo(before.nextDue());
      }
      assertThat(failure.message()).isNotBlank();
      if (failure.reason() == ScrapeOutcome.TRANSIENT
          || failure.reason() == ScrapeOutcome.BLOCKED) {
        assertThat(failure.attempts()).as("rule 8: retried").isGreaterThanOrEqualTo(MAX_ATTEMPTS);
      } else {
        assertThat(failure.attempts()).isPositive();
      }
    }

    Map<CreatorId, Creator> dueOn(LocalDate date) {
      Map<CreatorId, Creator> due = new HashMap<>();
      for (CreatorId id : everyone) {
        Creator creator = stores.creators().find(id).orElseThrow();
        if (creator.isDueOn(date)) {
          due.put(id, creator);
        }
      }
      return due;
    }

    void importHistory(int count) {
      List<NewCreator> batch = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        Instant last =
            random.nextInt(10) == 0
                ? null
                : clock.instant().minus(Duration.ofHours(1 + random.nextInt(24 * 10)));
        batch.add(new NewCreator(platform(), handle(), last));
      }
      add(batch);
    }

    void addNewCreators(int count) {
      List<NewCreator> batch = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        batch.add(new NewCreator(platform(), handle(), null));
      }
      add(batch);
    }

    void add(List<NewCreator> batch) {
      List<ImportOutcome> outcomes = instance().creators().startImport().add(batch);
      outcomes.forEach(o -> everyone.add(o.creatorId()));
    }

    void assertBalanced() {
      Map<CycleDay, Long> loads = stores.creators().countByDay();
      ScheduleSettings settings = ScheduleSettings.defaults();
      List<Long> active =
          settings.activeDays().stream().map(d -> loads.getOrDefault(d, 0L)).toList();
      assertThat(Collections.max(active) - Collections.min(active))
          .as("rule 4")
          .isLessThanOrEqualTo(1);
      settings.restDays().forEach(rest -> assertThat(loads.getOrDefault(rest, 0L)).isZero());
    }

    Platform platform() {
      return random.nextBoolean() ? Platform.INSTAGRAM : Platform.TIKTOK;
    }

    Handle handle() {
      return new Handle("sim." + handles++);
    }

    Rescrape instance() {
      return instance(new AtomicBoolean());
    }

    /** A process; once {@code dead} is set, none of its store calls get through. */
    Rescrape instance(AtomicBoolean dead) {
      return Rescrape.builder()
          .clock(clock)
          .creatorStore(Faults.switchable(CreatorStore.class, stores.creators(), dead))
          .jobStore(Faults.switchable(JobStore.class, stores.jobs(), dead))
          .workQueue(Faults.switchable(WorkQueue.class, stores.queue(), dead))
          .scraper(platforms.scraper(Platform.INSTAGRAM))
          .scraper(platforms.scraper(Platform.TIKTOK))
          .runner(
              RunnerSettings.builder()
                  .concurrency(3)
                  .maxAttempts(MAX_ATTEMPTS)
                  .retryBackoff(Duration.ZERO, Duration.ZERO)
                  .minRateLimitPause(Duration.ZERO)
                  .idlePoll(Duration.ofMillis(2))
                  .flush(20, Duration.ofMillis(2))
                  .shutdownGrace(Duration.ofMillis(200))
                  .build())
          .trigger(new TriggerSettings(Duration.ofMinutes(1), Duration.ofSeconds(1), 7))
          .listener(events)
          .instanceId(new InstanceId("sim-" + instances.incrementAndGet()))
          .build();
    }
  }
}
