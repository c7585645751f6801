package io.rescrape.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.JobId;
import io.rescrape.core.domain.JobStatus;
import io.rescrape.core.domain.Lease;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.ScrapeResult;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The daily jobs through the API: create once, watch, resume, retry, cancel. */
class JobApiTest {

  private final WebFixture web = new WebFixture();

  @AfterEach
  void stop() {
    web.close();
  }

  @Test
  void should_create_the_daily_job_once_and_return_it_again() {
    Api.Answer first = web.authorized.post("/rescraping/schedule-daily");
    Api.Answer second = web.authorized.post("/rescraping/schedule-daily");

    assertThat(first.status()).isEqualTo(201);
    JsonNode job = first.json().get("job");
    assertThat(first.json().get("created").asBoolean()).isTrue();
    assertThat(job.get("description").asText())
        .isEqualTo("Daily rescrape - 20 creators due (2025-08-27)");
    assertThat(job.get("status").asText()).isEqualTo("PENDING");
    assertThat(job.get("totalItems").asLong()).isEqualTo(20);
    assertThat(job.get("progress").get("pending").asLong()).isEqualTo(20);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.json().get("created").asBoolean()).isFalse();
    assertThat(second.json().get("job").get("id").asLong()).isEqualTo(job.get("id").asLong());
    assertThat(web.rescrape.jobs().recent(10)).hasSize(1);
  }

  @Test
  void should_create_a_recent_date_s_job_when_asked_for_that_date() {
    Api.Answer answer =
        web.authorized.post("/rescraping/schedule-daily", "{\"date\": \"2025-08-25\"}");

    assertThat(answer.status()).isEqualTo(201);
    assertThat(answer.json().get("job").get("date").asText()).isEqualTo("2025-08-25");
  }

  @Test
  void should_say_so_when_nothing_is_due() {
    web.rescrape.runDaily(LocalDate.of(2025, 8, 26));

    Api.Answer answer = web.authorized.post("/rescraping/schedule-daily");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("created").asBoolean()).isFalse();
    assertThat(answer.json().get("job").isNull()).isTrue();
    assertThat(answer.json().get("message").asText()).contains("no creator is due on 2025-08-27");
  }

  @Test
  void should_run_a_scheduled_job_to_completion_and_show_its_failures() {
    CreatorId missing = web.rescrapeFixture.addNew(Platform.INSTAGRAM, "gone.away");
    web.rescrapeFixture.instagram.script(
        web.rescrapeFixture.creator(missing).handle(), ScrapeResult.notFound("no such account"));
    web.rescrape.start();

    long id =
        web.authorized.post("/rescraping/schedule-daily").json().get("job").get("id").asLong();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                web.anonymous
                    .get("/rescraping/jobs/" + id)
                    .json()
                    .get("status")
                    .asText()
                    .equals("COMPLETED"));

    JsonNode job = web.anonymous.get("/rescraping/jobs/" + id).json();
    assertThat(job.get("progress").get("done").asLong()).isEqualTo(20);
    assertThat(job.get("progress").get("failed").asLong()).isEqualTo(1);
    assertThat(job.get("progress").get("percent").asDouble()).isEqualTo(100.0);
    assertThat(job.get("failuresByReason").get("NOT_FOUND").asLong()).isEqualTo(1);
    JsonNode failures = web.anonymous.get("/rescraping/jobs/" + id + "/failures?limit=10").json();
    assertThat(failures.get("total").asLong()).isEqualTo(1);
    assertThat(failures.get("failures").get(0).get("handle").asText()).isEqualTo("gone.away");
    assertThat(failures.get("failures").get(0).get("reason").asText()).isEqualTo("NOT_FOUND");
    JsonNode list = web.anonymous.get("/rescraping/jobs").json().get("jobs");
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("status").asText()).isEqualTo("COMPLETED");
  }

  @Test
  void should_show_rate_and_expected_end_while_a_job_runs() {
    web.rescrapeFixture.instagram.latency(Duration.ofMillis(300));
    web.rescrapeFixture.tiktok.latency(Duration.ofMillis(300));
    web.rescrape.start();
    long id =
        web.authorized.post("/rescraping/schedule-daily").json().get("job").get("id").asLong();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> web.rescrape.jobs().progress(new JobId(id)).finished() > 0);
    web.rescrapeFixture.clock.advance(Duration.ofSeconds(5)); // the settable clock stands still

    JsonNode job = web.anonymous.get("/rescraping/jobs/" + id).json();

    assertThat(job.get("status").asText()).isEqualTo("RUNNING");
    assertThat(job.get("ratePerSecond").isNumber()).isTrue();
    assertThat(job.get("expectedEnd").isTextual()).isTrue();
  }

  @Test
  void should_cancel_a_job_and_refuse_to_cancel_it_twice() {
    long id =
        web.authorized.post("/rescraping/schedule-daily").json().get("job").get("id").asLong();

    Api.Answer cancelled = web.authorized.post("/rescraping/jobs/" + id + "/cancel");
    Api.Answer again = web.authorized.post("/rescraping/jobs/" + id + "/cancel");

    assertThat(cancelled.status()).isEqualTo(200);
    assertThat(cancelled.json().get("job").get("status").asText()).isEqualTo("CANCELLED");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("message").asText()).contains("CANCELLED");
  }

  @Test
  void should_keep_counting_the_items_that_finish_after_a_cancel() {
    web.rescrapeFixture.instagram.latency(Duration.ofMillis(400));
    web.rescrapeFixture.tiktok.latency(Duration.ofMillis(400));
    web.rescrape.start();
    long id =
        web.authorized.post("/rescraping/schedule-daily").json().get("job").get("id").asLong();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> web.rescrape.jobs().progress(new JobId(id)).inProgress() > 0);

    web.authorized.post("/rescraping/jobs/" + id + "/cancel");
    JsonNode justCancelled = web.anonymous.get("/rescraping/jobs/" + id).json();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> web.rescrape.jobs().progress(new JobId(id)).inProgress() == 0);
    JsonNode later = web.anonymous.get("/rescraping/jobs/" + id).json();

    assertThat(justCancelled.get("status").asText()).isEqualTo("CANCELLED");
    assertThat(later.get("progress").get("inProgress").asLong()).isZero();
    assertThat(later.get("progress").get("finished").asLong())
        .isEqualTo(web.rescrape.jobs().progress(new JobId(id)).finished());
  }

  @Test
  void should_refuse_to_resume_a_finished_job() {
    web.rescrape.runDaily(LocalDate.of(2025, 8, 27));

    Api.Answer answer = web.authorized.post("/rescraping/jobs/1/resume");

    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.json().get("message").asText()).contains("COMPLETED");
  }

  @Test
  void should_resume_an_interrupted_job_through_the_worker() {
    long id =
        web.authorized.post("/rescraping/schedule-daily").json().get("job").get("id").asLong();
    Instant now = web.rescrapeFixture.clock.instant();
    web.rescrapeFixture
        .jobs()
        .start(new JobId(id), new Lease("gone-instance", now.plusSeconds(60)), now);
    web.rescrapeFixture.jobs().finish(new JobId(id), "gone-instance", JobStatus.INTERRUPTED, now);

    Api.Answer answer = web.authorized.post("/rescraping/jobs/" + id + "/resume");
    web.rescrape.start();

    assertThat(answer.status()).isEqualTo(202);
    assertThat(answer.json().get("job").get("status").asText()).isEqualTo("INTERRUPTED");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> web.rescrape.jobs().get(new JobId(id)).status() == JobStatus.COMPLETED);
  }

  @Test
  void should_refuse_to_resume_a_job_a_live_instance_runs() {
    long id =
        web.authorized.post("/rescraping/schedule-daily").json().get("job").get("id").asLong();
    Instant now = web.rescrapeFixture.clock.instant();
    web.rescrapeFixture
        .jobs()
        .start(new JobId(id), new Lease("other-instance", now.plusSeconds(60)), now);

    Api.Answer answer = web.authorized.post("/rescraping/jobs/" + id + "/resume");

    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.json().get("message").asText()).contains("other-instance");
  }

  @Test
  void should_retry_exactly_the_failed_creators() {
    CreatorId flaky = web.rescrapeFixture.addNew(Platform.TIKTOK, "flaky.one");
    web.rescrapeFixture.tiktok.script(
        web.rescrapeFixture.creator(flaky).handle(), ScrapeResult.notFound("not yet"));
    web.rescrape.runDaily(LocalDate.of(2025, 8, 27));
    web.rescrape.start();

    Api.Answer answer = web.authorized.post("/rescraping/jobs/1/retry-failed");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("reopened").asLong()).isEqualTo(1);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> web.rescrape.jobs().get(new JobId(1)).status() == JobStatus.COMPLETED);
    assertThat(web.rescrape.jobs().progress(new JobId(1)).failed()).isZero();
  }

  @Test
  void should_answer_404_for_a_job_that_does_not_exist() {
    for (Api.Answer answer :
        List.of(
            web.anonymous.get("/rescraping/jobs/999"),
            web.anonymous.get("/rescraping/jobs/999/failures"),
            web.authorized.post("/rescraping/jobs/999/resume"),
            web.authorized.post("/rescraping/jobs/999/retry-failed"),
            web.authorized.post("/rescraping/jobs/999/cancel"))) {
      assertThat(answer.status()).isEqualTo(404);
      assertThat(answer.json().get("message").asText()).contains("999");
    }
  }
}
