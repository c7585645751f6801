package io.rescrape.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /health}, {@code /metrics}, the schedule and the dashboard's page. */
class HealthAndMetricsTest {

  private WebFixture web;

  @AfterEach
  void stop() {
    web.close();
  }

  @Test
  void should_report_up_with_the_trigger_and_the_last_completed_job() {
    web = new WebFixture();
    web.rescrape.runDaily(LocalDate.of(2025, 8, 27));
    web.rescrape.trigger().arm();

    Api.Answer answer = web.anonymous.get("/health");

    assertThat(answer.status()).isEqualTo(200);
    JsonNode health = answer.json();
    assertThat(health.get("status").asText()).isEqualTo("UP");
    assertThat(health.get("database").get("up").asBoolean()).isTrue();
    assertThat(health.get("trigger").get("armed").asBoolean()).isTrue();
    assertThat(health.get("trigger").get("nextFire").asText()).isEqualTo("2025-08-27T09:00:00Z");
    assertThat(health.get("lastCompletedJob").get("id").asLong()).isEqualTo(1);
    assertThat(health.get("platforms")).hasSize(2);
  }

  @Test
  void should_report_degraded_while_a_component_is_down() {
    web =
        new WebFixture(
            WebFixture.TOKEN,
            server ->
                server.healthCheck(
                    "redis",
                    () ->
                        new HealthCheck.Component(
                            false, Map.of("up", false, "reason", "refused"))));

    JsonNode health = web.anonymous.get("/health").json();

    assertThat(health.get("status").asText()).isEqualTo("DEGRADED");
    assertThat(health.get("redis").get("reason").asText()).isEqualTo("refused");
  }

  @Test
  void should_render_the_registry_in_prometheus_text() {
    web = new WebFixture();
    Counter.builder("rescrape.test.answers").register(web.registry).increment(3);

    Api.Answer answer = web.anonymous.get("/metrics");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("Content-Type")).startsWith("text/plain");
    assertThat(answer.body()).contains("rescrape_test_answers_total 3.0");
  }

  @Test
  void should_show_creators_per_weekday_and_what_is_due() {
    web = new WebFixture();

    JsonNode schedule = web.anonymous.get("/rescraping/schedule").json();

    assertThat(schedule.get("date").asText()).isEqualTo("2025-08-27");
    assertThat(schedule.get("totalCreators").asLong()).isEqualTo(20);
    assertThat(schedule.get("dueToday").asLong()).isEqualTo(20);
    assertThat(schedule.get("weekdays")).hasSize(7);
    assertThat(schedule.get("weekdays").get(0).get("day").asText()).isEqualTo("MONDAY");
    assertThat(schedule.get("restDays")).hasSize(1);
    String restDay = schedule.get("restDays").get(0).asText();
    for (JsonNode day : schedule.get("weekdays")) {
      assertThat(day.get("active").asBoolean()).isEqualTo(!day.get("day").asText().equals(restDay));
    }
    long perDay = 0;
    for (JsonNode day : schedule.get("weekdays")) {
      perDay += day.get("creators").asLong();
    }
    assertThat(perDay).isEqualTo(20);
  }

  @Test
  void should_plan_a_rebalance_without_applying_it_unless_asked() {
    web = new WebFixture();

    JsonNode dryRun = web.authorized.post("/rescraping/rebalance").json();
    JsonNode applied = web.authorized.post("/rescraping/rebalance", "{\"apply\": true}").json();

    assertThat(dryRun.get("applied").asBoolean()).isFalse();
    assertThat(applied.get("applied").asBoolean()).isTrue();
    assertThat(applied.get("after")).hasSize(7);
  }

  @Test
  void should_serve_the_dashboard_with_a_strict_content_policy() {
    web = new WebFixture();

    Api.Answer page = web.anonymous.get("/");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.body()).contains("<html");
    assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'");
    assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
  }
}
