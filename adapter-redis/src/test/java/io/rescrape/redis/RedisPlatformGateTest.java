package io.rescrape.redis;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.RequestBudget;
import io.rescrape.core.port.PlatformGate.Permits;
import io.rescrape.core.testing.SettableClock;
import io.rescrape.redis.testing.RedisServers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

class RedisPlatformGateTest {

  private static final Instant NINE = Instant.parse("2025-08-27T09:00:00Z");
  private static final RequestBudget TEN_PER_MINUTE = RequestBudget.parse("10/1m");

  private final SettableClock clock = new SettableClock(NINE);
  private final String prefix = "test-" + UUID.randomUUID();
  private final List<AutoCloseable> closing = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable closeable : closing) {
      closeable.close();
    }
    RedisServers.deleteKeys(prefix);
  }

  @ParameterizedTest
  @ValueSource(longs = {7, 2025})
  void should_never_grant_more_than_the_budget_in_any_window_over_two_instances(long seed) {
    Random random = new Random(seed);
    List<RedisPlatformGate> instances = List.of(gate(), gate());
    List<Instant> sent = new ArrayList<>();
    Instant now = NINE;

    for (int step = 0; step < 600; step++) {
      now = now.plusMillis(random.nextInt(4_000));
      RedisPlatformGate instance = instances.get(random.nextInt(2));
      Permits permits =
          instance.reserve(Platform.TIKTOK, TEN_PER_MINUTE, 1 + random.nextInt(6), now);
      int unused = permits.granted() == 0 ? 0 : random.nextInt(permits.granted() + 1);
      if (unused > 0) {
        instance.refund(Platform.TIKTOK, unused);
      }
      for (int i = 0; i < permits.granted() - unused; i++) {
        sent.add(now);
      }
    }

    for (Instant start : sent) {
      Instant end = start.plus(TEN_PER_MINUTE.window());
      long inWindow = sent.stream().filter(t -> !t.isBefore(start) && t.isBefore(end)).count();
      assertThat(inWindow).as("requests in the minute from %s", start).isLessThanOrEqualTo(10);
    }
    assertThat(sent.size()).isGreaterThan(150);
  }

  @Test
  void should_say_when_the_next_request_may_go_once_another_instance_spent_the_budget() {
    gate().reserve(Platform.INSTAGRAM, TEN_PER_MINUTE, 10, NINE);

    Permits permits = gate().reserve(Platform.INSTAGRAM, TEN_PER_MINUTE, 3, NINE.plusSeconds(5));

    assertThat(permits.granted()).isZero();
    assertThat(permits.nextAt()).isEqualTo(NINE.plusSeconds(60));
  }

  @Test
  void should_pause_a_platform_for_every_instance_and_keep_the_later_end() {
    RedisPlatformGate one = gate();
    RedisPlatformGate other = gate();

    one.pause(Platform.INSTAGRAM, NINE.plusSeconds(90));
    other.pause(Platform.INSTAGRAM, NINE.plusSeconds(30));

    assertThat(other.pausedUntil(Platform.INSTAGRAM, NINE)).contains(NINE.plusSeconds(90));
    assertThat(gate().pausedUntil(Platform.INSTAGRAM, NINE.plusSeconds(90))).isEmpty();
    assertThat(gate().pausedUntil(Platform.TIKTOK, NINE)).isEmpty();
  }

  @Test
  void should_keep_the_budget_per_instance_and_warn_once_when_redis_is_unreachable() {
    ListAppender<ILoggingEvent> logged = capture();
    RedisPlatformGate gate = gate(RedisServers.unreachableUrl());

    Permits first = gate.reserve(Platform.TIKTOK, TEN_PER_MINUTE, 8, NINE);
    Permits second = gate.reserve(Platform.TIKTOK, TEN_PER_MINUTE, 8, NINE);
    gate.pause(Platform.TIKTOK, NINE.plusSeconds(30));

    assertThat(first.granted()).isEqualTo(8);
    assertThat(second.granted()).isEqualTo(2);
    assertThat(gate.pausedUntil(Platform.TIKTOK, NINE)).contains(NINE.plusSeconds(30));
    assertThat(logged.list)
        .filteredOn(e -> e.getLevel() == Level.WARN)
        .singleElement()
        .satisfies(e -> assertThat(e.getFormattedMessage()).contains("is unreachable"));
  }

  private RedisPlatformGate gate() {
    return gate(RedisServers.sharedUrl());
  }

  private RedisPlatformGate gate(String url) {
    RedisSettings settings = RedisSettings.builder(url).keyPrefix(prefix).build();
    RedisPlatformGate gate = new RedisPlatformGate(settings, clock);
    closing.add(gate);
    return gate;
  }

  private ListAppender<ILoggingEvent> capture() {
    Logger logger = (Logger) LoggerFactory.getLogger(RedisLink.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    closing.add(() -> logger.detachAppender(appender));
    return appender;
  }
}
