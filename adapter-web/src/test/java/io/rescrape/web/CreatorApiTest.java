package io.rescrape.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Creators through the API: add, import, list and search page by page, remove. */
class CreatorApiTest {

  private final WebFixture web = new WebFixture();

  @AfterEach
  void stop() {
    web.close();
  }

  @Test
  void should_add_a_creator_from_its_profile_url_and_not_twice() {
    String body =
        "{\"platform\": \"instagram\", \"handle\": \"https://www.instagram.com/Lena.Bakes/\"}";

    Api.Answer added = web.authorized.post("/rescraping/creators", body);
    Api.Answer again = web.authorized.post("/rescraping/creators", body);

    assertThat(added.status()).isEqualTo(201);
    assertThat(added.json().get("status").asText()).isEqualTo("ADDED");
    JsonNode creator = added.json().get("creator");
    assertThat(creator.get("handle").asText()).isEqualTo("lena.bakes");
    assertThat(creator.get("displayHandle").asText()).isEqualTo("Lena.Bakes");
    assertThat(creator.get("nextDue").isNull()).isTrue();
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("status").asText()).isEqualTo("DUPLICATE");
    assertThat(again.json().get("creator").get("id").asLong())
        .isEqualTo(creator.get("id").asLong());
    assertThat(web.rescrape.creators().count()).isEqualTo(21);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"platform": "myspace", "handle": "lena"}                   | platform
          {"handle": "lena"}                                          | platform
          {"platform": "instagram"}                                   | handle
          {"platform": "instagram", "handle": "no spaces allowed"}    | handle
          {"platform": "instagram", "handle": "https://tiktok.com/@x"} | handle
          {"platform": "instagram", "handle": 42}                     | handle
          {"platform": "instagram", "handle": "lena", "lastScrapedAt": "yesterday"} | lastScrapedAt
          {"platform": "instagram", "handle": "lena", "followers": 3} | followers
          {"platform": "instagram", "handle": "lena", "lastScrapedAt": "2025-08-27T08:30:00Z"} | lastScrapedAt
          {"platform": "instagram", "handle": "lena", "lastScrapedAt": "-1000000000-01-01T00:00:00Z"} | lastScrapedAt
          {"platform": "instagram", "handle": "lena", "lastScrapedAt": "1999-12-31T23:59:59Z"} | lastScrapedAt
          """)
  void should_refuse_a_bad_creator_and_store_nothing(String body, String field) {
    Api.Answer answer = web.authorized.post("/rescraping/creators", body);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("field").asText()).isEqualTo(field);
    assertThat(web.rescrape.creators().count()).isEqualTo(20);
  }

  @Test
  void should_take_a_last_scrape_given_as_a_date() {
    Api.Answer answer =
        web.authorized.post(
            "/rescraping/creators",
            "{\"platform\": \"tiktok\", \"handle\": \"dated\", \"lastScrapedAt\": \"2025-08-25\"}");

    assertThat(answer.status()).isEqualTo(201);
    assertThat(answer.json().get("creator").get("lastScrapedAt").asText())
        .isEqualTo("2025-08-25T00:00:00Z");
  }

  @Test
  void should_import_the_good_rows_and_report_each_bad_one() {
    String body =
        """
        {"creators": [
          {"platform": "instagram", "handle": "new.one"},
          {"platform": "tiktok", "handle": "@New.Two"},
          {"platform": "nowhere", "handle": "x"},
          null,
          {"platform": "instagram", "handle": "new.one"},
          {"platform": "instagram", "handle": "late", "lastScrapedAt": "2099-01-01T00:00:00Z"},
          {"platform": "instagram", "handle": "ancient", "lastScrapedAt": "-1000000000-01-01T00:00:00Z"}
        ]}
        """;

    JsonNode report = web.authorized.post("/rescraping/creators/import", body).json();

    assertThat(report.get("added").asLong()).isEqualTo(2);
    assertThat(report.get("duplicate").asLong()).isEqualTo(1);
    assertThat(report.get("rejected").asLong()).isEqualTo(4);
    List<String> statuses = new ArrayList<>();
    report.get("rows").forEach(row -> statuses.add(row.get("status").asText()));
    assertThat(statuses)
        .containsExactly(
            "ADDED", "ADDED", "REJECTED", "REJECTED", "DUPLICATE", "REJECTED", "REJECTED");
    assertThat(report.get("rows").get(2).get("detail").asText()).contains("creators[2].platform");
    assertThat(report.get("rows").get(5).get("detail").asText())
        .startsWith("creators[5].lastScrapedAt:")
        .contains("future");
    assertThat(report.get("rows").get(6).get("detail").asText())
        .contains("creators[6].lastScrapedAt");
    assertThat(web.rescrape.creators().count()).isEqualTo(22);
  }

  @Test
  void should_refuse_an_import_over_the_row_limit_before_writing_any_row() {
    StringBuilder body = new StringBuilder("{\"creators\": [");
    for (int i = 0; i <= CreatorRoutes.MAX_IMPORT_ROWS; i++) {
      body.append(i == 0 ? "" : ",")
          .append("{\"platform\":\"tiktok\",\"handle\":\"c")
          .append(i)
          .append("\"}");
    }
    body.append("]}");
    WebFixture big =
        new WebFixture(WebFixture.TOKEN, server -> server.maxBodyBytes(4 * 1024 * 1024));
    try (big) {
      Api.Answer answer = big.authorized.post("/rescraping/creators/import", body.toString());

      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.json().get("field").asText()).isEqualTo("creators");
      assertThat(big.rescrape.creators().count()).isEqualTo(20);
    }
  }

  @Test
  void should_refuse_an_import_whose_rows_are_not_a_list() {
    Api.Answer answer =
        web.authorized.post(
            "/rescraping/creators/import", "{\"creators\": {\"platform\": \"tiktok\"}}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("field").asText()).isEqualTo("creators");
    assertThat(web.rescrape.creators().count()).isEqualTo(20);
  }

  @Test
  void should_page_through_every_creator_exactly_once() {
    Set<Long> seen = new HashSet<>();
    String after = null;
    int pages = 0;
    do {
      JsonNode page =
          web.anonymous
              .get("/rescraping/creators?limit=7" + (after == null ? "" : "&after=" + after))
              .json();
      page.get("creators")
          .forEach(creator -> assertThat(seen.add(creator.get("id").asLong())).isTrue());
      after = page.get("next").isNull() ? null : page.get("next").asText();
      pages++;
    } while (after != null && pages < 10);

    assertThat(seen).hasSize(20);
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void should_search_by_part_of_the_handle_and_platform() {
    web.authorized.post(
        "/rescraping/creators", "{\"platform\": \"tiktok\", \"handle\": \"Kofi_Codes\"}");

    JsonNode found = web.anonymous.get("/rescraping/creators?q=KOFI&platform=tiktok").json();
    JsonNode otherPlatform =
        web.anonymous.get("/rescraping/creators?q=kofi&platform=instagram").json();

    assertThat(found.get("creators")).hasSize(1);
    assertThat(found.get("creators").get(0).get("handle").asText()).isEqualTo("kofi_codes");
    assertThat(otherPlatform.get("creators")).isEmpty();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          /rescraping/creators?limit=0              | limit
          /rescraping/creators?limit=501            | limit
          /rescraping/creators?platform=myspace     | platform
          /rescraping/creators?after=abc            | after
          /rescraping/creators?includeGone=yes      | includeGone
          /rescraping/creators/abc                  | id
          /rescraping/creators/%D9%A3               | id
          /rescraping/creators?after=%D9%A3         | after
          """)
  void should_refuse_bad_list_queries(String path, String field) {
    Api.Answer answer = web.anonymous.get(path);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("field").asText()).isEqualTo(field);
  }

  @Test
  void should_refuse_a_search_text_longer_than_a_handle() {
    Api.Answer answer = web.anonymous.get("/rescraping/creators?q=" + "a".repeat(65));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("message").asText()).contains("64");
  }

  @Test
  void should_remove_a_creator_from_the_schedule_and_bring_it_back_when_added_again() {
    long id =
        web.authorized
            .post("/rescraping/creators", "{\"platform\": \"tiktok\", \"handle\": \"short.lived\"}")
            .json()
            .get("creator")
            .get("id")
            .asLong();

    Api.Answer removed = web.authorized.delete("/rescraping/creators/" + id);
    long scheduled = web.anonymous.get("/rescraping/schedule").json().get("totalCreators").asLong();
    Api.Answer back =
        web.authorized.post(
            "/rescraping/creators", "{\"platform\": \"tiktok\", \"handle\": \"short.lived\"}");

    assertThat(removed.status()).isEqualTo(200);
    assertThat(removed.json().get("goneReason").asText()).isEqualTo("REMOVED");
    assertThat(scheduled).isEqualTo(20);
    assertThat(back.json().get("status").asText()).isEqualTo("RETURNED");
    assertThat(back.json().get("creator").get("id").asLong()).isEqualTo(id);
    assertThat(back.json().get("creator").get("goneReason").isNull()).isTrue();
  }

  @Test
  void should_refuse_a_body_on_a_removal() {
    Api.Answer answer =
        web.authorized.send(
            "/rescraping/creators/1",
            request ->
                request
                    .header("Content-Type", "application/json")
                    .method("DELETE", java.net.http.HttpRequest.BodyPublishers.ofString("{}")));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(web.rescrape.creators().count()).isEqualTo(20);
  }

  @Test
  void should_answer_404_for_a_creator_that_does_not_exist() {
    Api.Answer show = web.anonymous.get("/rescraping/creators/999");
    Api.Answer remove = web.authorized.delete("/rescraping/creators/999");

    assertThat(show.status()).isEqualTo(404);
    assertThat(remove.status()).isEqualTo(404);
    assertThat(remove.json().get("message").asText()).contains("999");
  }
}
