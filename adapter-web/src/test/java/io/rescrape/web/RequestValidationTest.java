package io.rescrape.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.rescrape.core.domain.JobId;
import io.rescrape.core.domain.JobStatus;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A client's mistakes get a 4xx naming the field, never a 500, and change nothing. */
class RequestValidationTest {

  private final WebFixture web =
      new WebFixture(WebFixture.TOKEN, server -> server.maxBodyBytes(4096));

  @AfterEach
  void stop() {
    web.close();
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {not json                         | 400 | body
          {"date": "2025-08-27"} trailing   | 400 | body
          []                                | 400 | body
          "2025-08-27"                      | 400 | body
          {"date": 20250827}                | 400 | date
          {"date": "27/08/2025"}            | 400 | date
          {"date": "2099-01-01"}            | 400 | date
          {"date": "2025-08-01"}            | 400 | date
          {"date": "2025-08-27", "x": 1}    | 400 | x
          {"date": "2025-08-27", "date": "2025-08-26"} | 400 | body
          {"date": ["2025-08-27"]}          | 400 | date
          null                              | 400 | body
          """)
  void should_refuse_a_bad_schedule_daily_body(String body, int status, String field) {
    Api.Answer answer = web.authorized.post("/rescraping/schedule-daily", body);

    assertThat(answer.status()).isEqualTo(status);
    assertThat(answer.json().get("field").asText()).isEqualTo(field);
    assertThat(answer.json().get("message").asText()).startsWith(field + ":");
    assertThat(web.rescrape.jobs().recent(10)).isEmpty();
  }

  @Test
  void should_refuse_a_body_that_is_not_declared_json() {
    Api.Answer answer = web.authorized.post("/rescraping/schedule-daily", "text/plain", "{}");

    assertThat(answer.status()).isEqualTo(415);
    assertThat(answer.json().get("message").asText()).contains("application/json");
    assertThat(web.rescrape.jobs().recent(10)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          application/jsonx
          application/json; charset=utf-16
          text/json
          """)
  void should_refuse_a_content_type_that_is_not_utf_8_json(String contentType) {
    Api.Answer answer = web.authorized.post("/rescraping/schedule-daily", contentType, "{}");

    assertThat(answer.status()).isEqualTo(415);
    assertThat(web.rescrape.jobs().recent(10)).isEmpty();
  }

  @Test
  void should_refuse_a_body_that_is_not_utf_8_whatever_it_declares() {
    byte[] utf16 = "{\"date\": \"2025-08-27\"}".getBytes(StandardCharsets.UTF_16);

    Api.Answer answer =
        web.authorized.post(
            "/rescraping/schedule-daily",
            "application/json; charset=utf-8",
            HttpRequest.BodyPublishers.ofByteArray(utf16));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("message").asText()).contains("not UTF-8");
    assertThat(web.rescrape.jobs().recent(10)).isEmpty();
  }

  @Test
  void should_accept_json_declared_with_a_utf_8_charset() {
    Api.Answer answer =
        web.authorized.post("/rescraping/schedule-daily", "Application/JSON; charset=UTF-8", "{}");

    assertThat(answer.status()).isEqualTo(201);
  }

  @Test
  void should_take_an_empty_rebalance_object_as_a_dry_run() {
    Api.Answer answer = web.authorized.post("/rescraping/rebalance", "{}");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("applied").asBoolean()).isFalse();
  }

  @Test
  void should_refuse_a_body_on_a_request_that_takes_none() {
    web.authorized.post("/rescraping/schedule-daily");

    Api.Answer answer = web.authorized.post("/rescraping/jobs/1/cancel", "{\"force\": true}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("message").asText()).contains("takes no body");
    assertThat(web.rescrape.jobs().get(new JobId(1)).status()).isEqualTo(JobStatus.PENDING);
  }

  @Test
  void should_refuse_a_method_override_even_with_the_token() {
    web.authorized.post("/rescraping/schedule-daily");

    Api.Answer answer =
        web.authorized.send(
            "/rescraping/jobs/1/cancel",
            request -> request.header("X-HTTP-Method-Override", "POST").GET());

    assertThat(answer.status()).isEqualTo(400);
    assertThat(web.rescrape.jobs().get(new JobId(1)).status()).isEqualTo(JobStatus.PENDING);
  }

  @Test
  void should_answer_head_as_get_would() {
    Api.Answer missing = web.anonymous.method("HEAD", "/rescraping/jobs/999");
    Api.Answer bad = web.anonymous.method("HEAD", "/rescraping/jobs?limit=0");
    Api.Answer present = web.anonymous.method("HEAD", "/rescraping/schedule");

    assertThat(missing.status()).isEqualTo(404);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(present.status()).isEqualTo(200);
    assertThat(present.body()).isEmpty();
  }

  @Test
  void should_refuse_an_oversized_body() {
    String huge = "{\"date\": \"" + "9".repeat(10_000) + "\"}";

    Api.Answer answer = web.authorized.post("/rescraping/schedule-daily", huge);

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.json().get("status").asInt()).isEqualTo(413);
    assertThat(web.rescrape.jobs().recent(10)).isEmpty();
  }

  @Test
  void should_refuse_an_oversized_chunked_body_that_declares_no_length() {
    byte[] huge = ("{\"apply\": false}" + " ".repeat(10_000)).getBytes(StandardCharsets.UTF_8);
    HttpRequest.BodyPublisher chunked =
        HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge));

    Api.Answer answer = web.authorized.post("/rescraping/rebalance", "application/json", chunked);

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.json().get("message").asText()).contains("4096 bytes");
  }

  @Test
  void should_refuse_a_rebalance_flag_that_is_not_a_boolean() {
    Api.Answer answer = web.authorized.post("/rescraping/rebalance", "{\"apply\": \"yes\"}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("field").asText()).isEqualTo("apply");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          /rescraping/jobs?limit=0                  | limit
          /rescraping/jobs?limit=100000             | limit
          /rescraping/jobs?limit=abc                | limit
          /rescraping/jobs?limit=99999999999999999999 | limit
          /rescraping/jobs/abc                      | id
          /rescraping/jobs/-1                       | id
          /rescraping/jobs/0                        | id
          /rescraping/jobs/99999999999999999999     | id
          /rescraping/jobs/1/failures?offset=-1     | offset
          /rescraping/jobs/1/failures?limit=501     | limit
          /rescraping/jobs/%D9%A1                   | id
          /rescraping/jobs/%EF%BC%91                | id
          /rescraping/jobs?limit=%D9%A1%D9%A2       | limit
          """)
  void should_refuse_bad_paths_and_queries(String path, String field) {
    web.authorized.post("/rescraping/schedule-daily");

    Api.Answer answer = web.anonymous.get(path);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("field").asText()).isEqualTo(field);
  }

  @Test
  void should_answer_json_for_unknown_paths_and_methods() {
    Api.Answer unknown = web.anonymous.get("/rescraping/nothing");
    Api.Answer wrongMethod = web.authorized.method("PUT", "/rescraping/jobs");

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("message").asText()).contains("/rescraping/nothing");
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.json().get("status").asInt()).isEqualTo(405);
  }
}
