package io.rescrape.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Who may change what: reads are open, every change needs the bearer token. */
class AuthTest {

  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Logger changeLog = (Logger) LoggerFactory.getLogger(ChangeLog.class);
  private WebFixture web;

  @AfterEach
  void stop() {
    changeLog.detachAppender(logged);
    if (web != null) {
      web.close();
    }
  }

  @Test
  void should_refuse_a_change_without_a_token_and_create_nothing() {
    web = new WebFixture();

    Api.Answer answer = web.anonymous.post("/rescraping/schedule-daily");

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"rescrape\"");
    assertThat(answer.json().get("status").asInt()).isEqualTo(401);
    assertThat(answer.json().get("message").asText()).contains("Authorization: Bearer");
    assertThat(web.rescrape.jobs().recent(10)).isEmpty();
  }

  @Test
  void should_refuse_a_wrong_token_and_create_nothing() {
    web = new WebFixture();

    Api.Answer wrong =
        web.anonymous.withToken(WebFixture.TOKEN + "x").post("/rescraping/schedule-daily");
    Api.Answer prefix =
        web.anonymous
            .withToken(WebFixture.TOKEN.substring(0, 10))
            .post("/rescraping/schedule-daily");

    assertThat(wrong.status()).isEqualTo(401);
    assertThat(prefix.status()).isEqualTo(401);
    assertThat(web.rescrape.jobs().recent(10)).isEmpty();
  }

  @Test
  void should_refuse_other_schemes_than_bearer() {
    web = new WebFixture();

    Api.Answer basic =
        web.anonymous
            .withAuthorization("Basic " + WebFixture.TOKEN)
            .post("/rescraping/schedule-daily");
    Api.Answer bare =
        web.anonymous.withAuthorization(WebFixture.TOKEN).post("/rescraping/schedule-daily");

    assertThat(basic.status()).isEqualTo(401);
    assertThat(bare.status()).isEqualTo(401);
    assertThat(web.rescrape.jobs().recent(10)).isEmpty();
  }

  @Test
  void should_refuse_two_authorization_headers_whatever_their_order() {
    web = new WebFixture();

    Api.Answer rightFirst =
        web.anonymous.send(
            "/rescraping/schedule-daily",
            request ->
                request
                    .header("Authorization", "Bearer " + WebFixture.TOKEN)
                    .header("Authorization", "Bearer wrong")
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));

    assertThat(rightFirst.status()).isEqualTo(401);
    assertThat(web.rescrape.jobs().recent(10)).isEmpty();
  }

  @Test
  void should_check_the_token_before_a_method_override() {
    web = new WebFixture();

    Api.Answer answer =
        web.anonymous.send(
            "/rescraping/schedule-daily",
            request ->
                request
                    .header("X-HTTP-Method-Override", "DELETE")
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));

    assertThat(answer.status()).isEqualTo(401);
  }

  @Test
  void should_check_the_token_before_anything_else_in_the_request() {
    web = new WebFixture();

    Api.Answer unknownJob = web.anonymous.post("/rescraping/jobs/999/cancel");
    Api.Answer badBody = web.anonymous.post("/rescraping/schedule-daily", "{not json");
    Api.Answer unknownPath = web.anonymous.delete("/rescraping/nothing-here");

    assertThat(unknownJob.status()).isEqualTo(401);
    assertThat(badBody.status()).isEqualTo(401);
    assertThat(unknownPath.status()).isEqualTo(401);
  }

  @Test
  void should_serve_reads_and_refuse_changes_when_no_token_is_configured() {
    web = new WebFixture(null, UnaryOperator.identity());

    Api.Answer change = web.authorized.post("/rescraping/schedule-daily");
    Api.Answer read = web.anonymous.get("/rescraping/schedule");

    assertThat(web.server.changesEnabled()).isFalse();
    assertThat(change.status()).isEqualTo(403);
    assertThat(change.json().get("message").asText()).contains("changes are disabled");
    assertThat(read.status()).isEqualTo(200);
    assertThat(web.rescrape.jobs().recent(10)).isEmpty();
  }

  @Test
  void should_log_each_change_with_the_token_fingerprint_and_never_the_token() {
    web = new WebFixture();
    logged.start();
    changeLog.addAppender(logged);

    web.authorized.post("/rescraping/schedule-daily");

    assertThat(logged.list).hasSize(1);
    String line = logged.list.get(0).getFormattedMessage();
    assertThat(line)
        .contains("schedule-daily 2025-08-27: created job 1")
        .contains(ApiToken.of(WebFixture.TOKEN).fingerprint())
        .doesNotContain(WebFixture.TOKEN);
  }

  @Test
  void should_log_refusals_without_the_presented_token() {
    web = new WebFixture();
    logged.start();
    changeLog.addAppender(logged);

    web.anonymous.withToken("guess-0123456789").post("/rescraping/schedule-daily");

    assertThat(logged.list).hasSize(1);
    assertThat(logged.list.get(0).getFormattedMessage())
        .contains("wrong bearer token")
        .doesNotContain("guess-0123456789");
  }
}
