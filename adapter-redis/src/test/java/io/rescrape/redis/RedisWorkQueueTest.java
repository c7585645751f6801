package io.rescrape.redis;

import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.rescrape.core.contract.TestCreators;
import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.InvalidInputException;
import io.rescrape.core.domain.ItemResult;
import io.rescrape.core.domain.Lease;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.ScrapeOutcome;
import io.rescrape.core.domain.WorkItem;
import io.rescrape.core.testing.InMemoryStores;
import io.rescrape.core.testing.SettableClock;
import io.rescrape.redis.testing.RedisServers;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;

class RedisWorkQueueTest {

  private static final LocalDate WED = LocalDate.of(2025, 8, 27);
  private static final Instant NINE = Instant.parse("2025-08-27T09:00:00Z");

  private final SettableClock clock = new SettableClock(NINE);
  private final InMemoryStores stores = InMemoryStores.create();
  private final String prefix = "test-" + UUID.randomUUID();
  private final List<AutoCloseable> closing = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable closeable : closing) {
      closeable.close();
    }
    RedisServers.deleteKeys(prefix);
  }

  @Test
  void should_copy_the_pending_items_once_however_many_instances_open_the_job() {
    DailyJob job = runningJob(10);
    RedisWorkQueue first = queue(RedisServers.sharedUrl());
    RedisWorkQueue second = queue(RedisServers.sharedUrl());

    first.open(job);
    second.open(job);

    try (RedisClient redis = RedisClient.create(RedisServers.sharedUrl())) {
      RedisKeys keys = new RedisKeys(prefix);
      assertThat(redis.llen(keys.pending(job.id(), Platform.INSTAGRAM))).isEqualTo(5);
      assertThat(redis.llen(keys.pending(job.id(), Platform.TIKTOK))).isEqualTo(5);
      assertThat(redis.ttl(keys.pending(job.id(), Platform.TIKTOK)))
          .isPositive()
          .isLessThanOrEqualTo(Duration.ofDays(7).toSeconds());
    }
  }

  @Test
  void should_replace_keys_left_by_a_job_of_the_same_id_in_another_database() {
    DailyJob earlier = runningJob(4);
    queue(RedisServers.sharedUrl()).open(earlier);
    InMemoryStores otherDatabase = InMemoryStores.create();
    TestCreators.add(otherDatabase.creators(), "other", 6, WEDNESDAY, WED);
    DailyJob later = otherDatabase.jobs().createDailyJob(WED, NINE.plusSeconds(60)).job();
    otherDatabase.jobs().start(later.id(), lease("owner"), NINE);
    RedisWorkQueue queue =
        new RedisWorkQueue(
            otherDatabase.queue(),
            RedisSettings.builder(RedisServers.sharedUrl()).keyPrefix(prefix).build(),
            clock);
    closing.add(queue);

    queue.open(later);

    assertThat(later.id()).isEqualTo(earlier.id());
    assertThat(waitingInRedis(later, Platform.TIKTOK)).isEqualTo(3);
  }

  @Test
  void should_hand_out_items_through_redis_and_lease_them_in_the_ledger() {
    DailyJob job = runningJob(10);
    RedisWorkQueue queue = queue(RedisServers.sharedUrl());
    queue.open(job);

    List<WorkItem> claimed = queue.claim(job.id(), Platform.INSTAGRAM, 3, lease("w"), NINE);

    assertThat(claimed).hasSize(3);
    assertThat(stores.jobs().progress(job.id()).inProgress()).isEqualTo(3);
    assertThat(waitingInRedis(job, Platform.INSTAGRAM)).isEqualTo(2);
  }

  @Test
  void should_hand_out_the_items_of_a_dead_worker_first_once_their_lease_lapsed() {
    DailyJob job = runningJob(20);
    RedisWorkQueue queue = queue(RedisServers.sharedUrl());
    queue.open(job);
    List<WorkItem> ofTheDead = queue.claim(job.id(), Platform.INSTAGRAM, 2, lease("dead"), NINE);
    Instant lapsed = NINE.plusSeconds(31);

    List<WorkItem> beforeTheLapse =
        queue.claim(job.id(), Platform.INSTAGRAM, 2, leaseAt("alive", NINE.plusSeconds(20)), NINE);
    List<WorkItem> afterTheLapse =
        queue.claim(job.id(), Platform.INSTAGRAM, 5, leaseAt("alive", lapsed), lapsed);

    assertThat(beforeTheLapse)
        .extracting(WorkItem::creatorId)
        .doesNotContainAnyElementsOf(ofTheDead.stream().map(WorkItem::creatorId).toList());
    assertThat(afterTheLapse)
        .extracting(WorkItem::creatorId)
        .containsExactlyInAnyOrderElementsOf(ofTheDead.stream().map(WorkItem::creatorId).toList());
    assertThat(afterTheLapse).allSatisfy(item -> assertThat(item.attempt()).isEqualTo(2));
  }

  @Test
  void should_skip_stale_entries_and_find_the_rest_in_the_ledger() {
    DailyJob job = runningJob(4);
    RedisWorkQueue queue = queue(RedisServers.sharedUrl());
    queue.open(job);
    List<WorkItem> elsewhere =
        stores.queue().claim(job.id(), Platform.INSTAGRAM, 2, lease("ledger-path"), NINE);

    List<WorkItem> claimed = queue.claim(job.id(), Platform.INSTAGRAM, 2, lease("w"), NINE);

    assertThat(claimed).isEmpty();
    assertThat(elsewhere).hasSize(2);
    assertThat(queue.claim(job.id(), Platform.INSTAGRAM, 2, lease("w"), NINE)).isEmpty();
  }

  @Test
  void should_work_through_the_ledger_and_warn_once_when_redis_is_unreachable() {
    DailyJob job = runningJob(6);
    ListAppender<ILoggingEvent> warnings = capture();
    RedisWorkQueue queue = queue(RedisServers.unreachableUrl());

    queue.open(job);
    List<WorkItem> first = queue.claim(job.id(), Platform.INSTAGRAM, 2, lease("w"), NINE);
    List<WorkItem> second = queue.claim(job.id(), Platform.TIKTOK, 2, lease("w"), NINE);

    assertThat(first).hasSize(2);
    assertThat(second).hasSize(2);
    assertThat(queue.health().up()).isFalse();
    assertThat(queue.health().downSince()).isEqualTo(NINE);
    assertThat(warnings.list)
        .filteredOn(e -> e.getLevel() == Level.WARN)
        .singleElement()
        .satisfies(e -> assertThat(e.getFormattedMessage()).contains("is unreachable"));
  }

  @Test
  void should_go_back_to_redis_when_it_answers_again_and_copy_what_it_lost() {
    RedisServers.OwnedRedis redis = RedisServers.owned();
    try {
      DailyJob job = runningJob(20);
      RedisWorkQueue queue = queue(redis.url());
      queue.open(job);
      redis.stop();
      List<WorkItem> duringOutage = queue.claim(job.id(), Platform.INSTAGRAM, 2, lease("w"), NINE);
      redis.start();
      clock.advance(Duration.ofSeconds(11));

      List<WorkItem> after =
          queue.claim(job.id(), Platform.INSTAGRAM, 2, lease("w"), clock.instant());

      assertThat(duringOutage).hasSize(2);
      assertThat(queue.health().up()).isTrue();
      assertThat(after).hasSize(2).doesNotContainAnyElementsOf(duringOutage);
      try (RedisClient client = RedisClient.create(redis.url())) {
        assertThat(client.llen(new RedisKeys(prefix).pending(job.id(), Platform.INSTAGRAM)))
            .isEqualTo(6);
      }
    } finally {
      redis.stop();
    }
  }

  @Test
  void should_warn_once_per_outage_though_the_pool_held_connections_from_before() throws Exception {
    RedisServers.OwnedRedis redis = RedisServers.owned();
    try {
      DailyJob job = runningJob(40);
      RedisWorkQueue queue = queue(redis.url());
      queue.open(job);
      claimFromThreads(queue, job, 8); // leaves several connections idle in the pool
      ListAppender<ILoggingEvent> logged = capture();
      redis.stop();
      assertThat(queue.health().up()).isFalse();
      redis.start();

      boolean back = queue.health().up();
      claimFromThreads(queue, job, 8);

      assertThat(back).isTrue();
      assertThat(queue.health().up()).isTrue();
      assertThat(logged.list).filteredOn(event -> event.getLevel() == Level.WARN).hasSize(1);
    } finally {
      redis.stop();
    }
  }

  /** Claims one item on each of {@code threads} threads at once, so each needs a connection. */
  private static void claimFromThreads(RedisWorkQueue queue, DailyJob job, int threads)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<WorkItem>>> claims = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        String owner = "w" + i;
        claims.add(
            pool.submit(
                () -> {
                  start.await();
                  return queue.claim(job.id(), Platform.INSTAGRAM, 1, lease(owner), NINE);
                }));
      }
      start.countDown();
      for (Future<List<WorkItem>> claim : claims) {
        claim.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void should_tell_a_wrong_password_from_an_outage() {
    RedisServers.OwnedRedis redis = RedisServers.owned("requirepass right-one");
    try {
      DailyJob job = runningJob(4);
      ListAppender<ILoggingEvent> logged = capture();
      RedisWorkQueue queue = queue(redis.url().replace("redis://", "redis://:wrong-one@"));

      queue.open(job);
      List<WorkItem> claimed = queue.claim(job.id(), Platform.INSTAGRAM, 2, lease("w"), NINE);

      assertThat(claimed).hasSize(2);
      assertThat(logged.list)
          .filteredOn(event -> event.getLevel() == Level.WARN)
          .singleElement()
          .extracting(ILoggingEvent::getFormattedMessage)
          .asString()
          .contains("refuses this client (check the URL's user, password and database)")
          .contains(":***@")
          .doesNotContain("wrong-one");
    } finally {
      redis.stop();
    }
  }

  @Test
  void should_count_what_became_of_the_items() {
    DailyJob job = runningJob(4);
    RedisWorkQueue queue = queue(RedisServers.sharedUrl());
    queue.open(job);
    List<WorkItem> items = queue.claim(job.id(), Platform.INSTAGRAM, 2, lease("w"), NINE);

    queue.acknowledge(
        job.id(),
        List.of(
            ItemResult.done(items.get(0).creatorId()),
            ItemResult.failed(items.get(1).creatorId(), ScrapeOutcome.NOT_FOUND, "404")));

    assertThat(queue.counters(job.id())).containsEntry("done", 1L).containsEntry("failed", 1L);
  }

  @Test
  void should_keep_every_key_of_a_job_under_one_cluster_hash_tag() {
    RedisKeys keys = new RedisKeys("rescrape");
    io.rescrape.core.domain.JobId job = new io.rescrape.core.domain.JobId(12);

    assertThat(List.of(keys.pending(job, Platform.TIKTOK), keys.opened(job), keys.counters(job)))
        .allSatisfy(key -> assertThat(key).startsWith("{rescrape:job:12}:"));
  }

  @Test
  void should_refuse_a_url_that_is_not_redis() {
    assertThatThrownBy(() -> RedisSettings.builder("http://127.0.0.1:6379").build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Redis URL must look like redis://host:6379");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"redis://:pw@127.0.0.1:6379/abc", "redis://:pw@127.0.0.1:6379/99999999999"})
  void should_refuse_a_database_that_is_not_a_number(String url) {
    assertThatThrownBy(() -> RedisSettings.builder(url).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Redis URL must name its database as a number, such as /0");
  }

  @Test
  void should_refuse_a_port_out_of_range() {
    assertThatThrownBy(() -> RedisSettings.builder("redis://:secret@127.0.0.1:99999").build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Redis URL port must be 1 to 65535, got 99999")
        .hasMessageNotContaining("secret");
  }

  @Test
  void should_refuse_a_user_without_a_password() {
    assertThatThrownBy(() -> RedisSettings.builder("redis://S3cret@127.0.0.1:6379").build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("names a user but no password")
        .hasMessageContaining("redis://***@127.0.0.1:6379")
        .message()
        .doesNotContain("S3cret");
  }

  @Test
  void should_hide_a_password_whose_colon_is_encoded() {
    assertThat(RedisSettings.redacted("redis://u%3AS3cret@127.0.0.1:6379"))
        .isEqualTo("redis://***@127.0.0.1:6379");
  }

  @Test
  void should_hide_the_password_in_reports() {
    RedisSettings settings = RedisSettings.builder("redis://app:s3cret@127.0.0.1:6379/2").build();

    assertThat(settings.redactedUri()).isEqualTo("redis://app:***@127.0.0.1:6379/2");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "redis://user:S3cretPW@127.0.0.1:6379:99",
        "redis://:S3cret%PW@127.0.0.1:6379",
        "http://user:S3cretPW@127.0.0.1:6379",
        "redis://user:S3cret/PW@127.0.0.1:6379",
        "redis:u:S3cretPW@127.0.0.1:6379",
        "redis:/u:S3cretPW@127.0.0.1:6379",
        "u:S3cretPW@127.0.0.1:6379",
        "redis://u:S3cret\nPW@127.0.0.1:6379"
      })
  void should_not_show_the_password_of_a_url_it_refuses(String url) {
    assertThatThrownBy(() -> RedisSettings.builder(url).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("***@127.0.0.1")
        .message()
        .doesNotContain("S3cret");
  }

  /** How many entries wait in the job's Redis list of one platform. */
  private long waitingInRedis(DailyJob job, Platform platform) {
    try (RedisClient redis = RedisClient.create(RedisServers.sharedUrl())) {
      return redis.llen(new RedisKeys(prefix).pending(job.id(), platform));
    }
  }

  private DailyJob runningJob(int creators) {
    TestCreators.add(stores.creators(), "c", creators, WEDNESDAY, WED);
    DailyJob job = stores.jobs().createDailyJob(WED, NINE).job();
    stores.jobs().start(job.id(), lease("owner"), NINE);
    return job;
  }

  private RedisWorkQueue queue(String url) {
    RedisWorkQueue queue =
        new RedisWorkQueue(
            stores.queue(),
            RedisSettings.builder(url).keyPrefix(prefix).timeout(Duration.ofMillis(500)).build(),
            clock);
    closing.add(queue);
    return queue;
  }

  private static Lease lease(String owner) {
    return leaseAt(owner, NINE);
  }

  /** A 30-second lease taken at {@code at}. */
  private static Lease leaseAt(String owner, Instant at) {
    return new Lease(owner, at.plusSeconds(30));
  }

  private ListAppender<ILoggingEvent> capture() {
    Logger logger = (Logger) LoggerFactory.getLogger("io.rescrape.redis");
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    closing.add(() -> logger.detachAppender(appender));
    return appender;
  }

  static List<CreatorId> ids(List<WorkItem> items) {
    return items.stream().map(WorkItem::creatorId).toList();
  }
}
