package io.rescrape.example.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.rescrape.core.Rescrape;
import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.JobStatus;
import io.rescrape.core.domain.NewCreator;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.event.PlatformPaused;
import io.rescrape.core.event.RetryScheduled;
import io.rescrape.core.service.RunReport;
import io.rescrape.core.service.RunnerSettings;
import io.rescrape.core.testing.InMemoryStores;
import io.rescrape.core.testing.RecordingEventListener;
import io.rescrape.scraper.HttpInstagramScraper;
import io.rescrape.scraper.HttpScraperSettings;
import io.rescrape.scraper.HttpTikTokScraper;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end case: 50 Instagram and 50 TikTok creators on the demo platform, with
 * Instagram answering 429 from its 20th request for a while.
 */
class ThrottledDemoJobTest {

  private static final int PER_PLATFORM = 50;
  private static final Duration THROTTLE = Duration.ofSeconds(3);

  private final Clock clock = Clock.systemUTC();
  private final RecordingEventListener events = new RecordingEventListener();
  private final Map<Platform, List<Long>> requestNanos = new ConcurrentHashMap<>();
  private final Map<Platform, AtomicInteger> requests = new ConcurrentHashMap<>();
  private final DemoPlatform platform =
      DemoPlatform.start(0, Duration.ofMillis(20), this::countRequest);

  @AfterEach
  void stopPlatform() {
    platform.close();
  }

  @Test
  void should_finish_tiktok_undisturbed_and_resume_instagram_after_its_cooldown_with_no_failure() {
    platform.throttle(new DemoThrottle(Platform.INSTAGRAM, 20, THROTTLE, null));
    Rescrape rescrape = rescrape();
    rescrape.creators().startImport().add(creators());
    DailyJob job = rescrape.planner().planDay(LocalDate.now(clock)).job();

    RunReport report = rescrape.runner().run(job.id());

    List<PlatformPaused> pauses = events.ofType(PlatformPaused.class);
    assertThat(report.job().status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(report.progress().done()).isEqualTo(2 * PER_PLATFORM);
    assertThat(report.progress().failed()).isZero();
    assertThat(report.failures()).isEmpty();
    assertThat(events.ofType(RetryScheduled.class)).isEmpty();
    assertThat(pauses).isNotEmpty().allMatch(p -> p.platform() == Platform.INSTAGRAM);
    assertThat(requests.get(Platform.TIKTOK)).hasValue(PER_PLATFORM);
    assertThat(requests.get(Platform.INSTAGRAM).get()).isGreaterThan(PER_PLATFORM);
    assertThat(lastRequest(Platform.TIKTOK))
        .as("TikTok is done before Instagram's throttle is over")
        .isLessThan(firstRequest(Platform.INSTAGRAM) + THROTTLE.toNanos());
    assertThat(lastRequest(Platform.INSTAGRAM) - firstRequest(Platform.INSTAGRAM))
        .as("Instagram went on after its throttle")
        .isGreaterThan(THROTTLE.toNanos());
  }

  private Rescrape rescrape() {
    InMemoryStores stores = InMemoryStores.create();
    return stores
        .builder()
        .clock(clock)
        .scraper(new HttpInstagramScraper(settingsFor(Platform.INSTAGRAM)))
        .scraper(new HttpTikTokScraper(settingsFor(Platform.TIKTOK)))
        .runner(
            RunnerSettings.builder()
                .concurrency(4)
                .rateLimitPause(Duration.ofSeconds(1))
                .minRateLimitPause(Duration.ofSeconds(1))
                .idlePoll(Duration.ofMillis(50))
                .build())
        .listener(events)
        .build();
  }

  private HttpScraperSettings settingsFor(Platform target) {
    return HttpScraperSettings.builder(platform.baseUri(target)).clock(clock).build();
  }

  /** Invented handles that the demo platform knows as public accounts. */
  private static List<NewCreator> creators() {
    List<NewCreator> creators = new ArrayList<>();
    for (Platform target : Platform.values()) {
      int added = 0;
      for (int i = 0; added < PER_PLATFORM; i++) {
        Handle handle = Handle.of(target, target.id() + ".fan." + i);
        if (!DemoPlatform.isMissing(handle) && !DemoPlatform.isPrivate(handle)) {
          creators.add(new NewCreator(target, handle, null));
          added++;
        }
      }
    }
    return creators;
  }

  private void countRequest(Platform target, Handle handle) {
    requests.computeIfAbsent(target, p -> new AtomicInteger()).incrementAndGet();
    requestNanos.computeIfAbsent(target, p -> new CopyOnWriteArrayList<>()).add(System.nanoTime());
  }

  private long firstRequest(Platform target) {
    return requestNanos.get(target).stream().mapToLong(Long::longValue).min().orElseThrow();
  }

  private long lastRequest(Platform target) {
    return requestNanos.get(target).stream().mapToLong(Long::longValue).max().orElseThrow();
  }
}
