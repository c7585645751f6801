package io.rescrape.example.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.ProfileStats;
import io.rescrape.core.domain.ScrapeOutcome;
import io.rescrape.core.domain.ScrapeResult;
import io.rescrape.core.port.ProfileScraper;
import io.rescrape.scraper.HttpInstagramScraper;
import io.rescrape.scraper.HttpScraperSettings;
import io.rescrape.scraper.HttpTikTokScraper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DemoPlatformTest {

  private static final Handle ORDINARY =
      firstHandle(handle -> !DemoPlatform.isMissing(handle) && !DemoPlatform.isPrivate(handle));
  private static final Handle MISSING = firstHandle(DemoPlatform::isMissing);
  private static final Handle PRIVATE = firstHandle(DemoPlatform::isPrivate);
  private static final Set<ScrapeOutcome> ANSWERED =
      EnumSet.of(ScrapeOutcome.OK, ScrapeOutcome.NOT_FOUND, ScrapeOutcome.PRIVATE);

  private final DemoPlatform platform = DemoPlatform.start(Duration.ZERO);

  @AfterEach
  void stopPlatform() {
    platform.close();
  }

  @ParameterizedTest
  @EnumSource(Platform.class)
  void should_serve_the_derived_stats_when_the_account_is_ordinary(Platform which) {
    ProfileScraper scraper = scraperFor(platform, which);

    ScrapeResult result = scraper.scrape(ORDINARY);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.OK);
    assertThat(result.profile().stats()).isEqualTo(DemoPlatform.statsOf(which, ORDINARY));
  }

  @Test
  void should_derive_the_same_stats_on_every_run_when_the_handle_is_the_same() {
    Handle handle = new Handle("lena.bakes");

    ProfileStats stats = DemoPlatform.statsOf(Platform.TIKTOK, handle);

    assertThat(stats).isEqualTo(new ProfileStats(143L, 1_169L, 1_204L, 1_536L));
  }

  @ParameterizedTest
  @EnumSource(Platform.class)
  void should_answer_not_found_when_the_account_is_missing(Platform which) {
    ProfileScraper scraper = scraperFor(platform, which);

    ScrapeResult result = scraper.scrape(MISSING);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.NOT_FOUND);
  }

  @ParameterizedTest
  @EnumSource(Platform.class)
  void should_answer_private_when_the_account_is_private(Platform which) {
    ProfileScraper scraper = scraperFor(platform, which);

    ScrapeResult result = scraper.scrape(PRIVATE);

    assertThat(result.outcome()).isEqualTo(ScrapeOutcome.PRIVATE);
  }

  @Test
  void should_make_about_one_percent_missing_and_one_percent_private_when_handles_vary() {
    List<Handle> handles = IntStream.range(0, 20_000).mapToObj(DemoPlatformTest::handle).toList();

    long missing = handles.stream().filter(DemoPlatform::isMissing).count();
    long hidden = handles.stream().filter(DemoPlatform::isPrivate).count();

    assertThat(missing).isBetween(100L, 300L);
    assertThat(hidden).isBetween(100L, 300L);
  }

  @Test
  void should_answer_concurrent_requests_side_by_side_when_latency_is_set() throws Exception {
    try (DemoPlatform slow = DemoPlatform.start(Duration.ofMillis(200))) {
      ProfileScraper scraper = scraperFor(slow, Platform.TIKTOK);
      List<Callable<ScrapeResult>> scrapes = new ArrayList<>();
      IntStream.range(0, 32).forEach(i -> scrapes.add(() -> scraper.scrape(handle(i))));

      long started = System.nanoTime();
      List<ScrapeResult> results = inParallel(scrapes);
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(results).extracting(ScrapeResult::outcome).allMatch(ANSWERED::contains);
      assertThat(took).isBetween(Duration.ofMillis(200), Duration.ofSeconds(2));
    }
  }

  private static ProfileScraper scraperFor(DemoPlatform platform, Platform which) {
    HttpScraperSettings settings = HttpScraperSettings.builder(platform.baseUri(which)).build();
    return which == Platform.INSTAGRAM
        ? new HttpInstagramScraper(settings)
        : new HttpTikTokScraper(settings);
  }

  private static List<ScrapeResult> inParallel(List<Callable<ScrapeResult>> scrapes)
      throws InterruptedException, ExecutionException {
    ExecutorService callers = Executors.newFixedThreadPool(scrapes.size());
    try {
      List<ScrapeResult> results = new ArrayList<>();
      for (Future<ScrapeResult> result : callers.invokeAll(scrapes)) {
        results.add(result.get());
      }
      return results;
    } finally {
      callers.shutdownNow();
    }
  }

  private static Handle handle(int i) {
    return new Handle("creator_" + i);
  }

  private static Handle firstHandle(Predicate<Handle> wanted) {
    return IntStream.range(0, 100_000)
        .mapToObj(DemoPlatformTest::handle)
        .filter(wanted)
        .findFirst()
        .orElseThrow();
  }
}
