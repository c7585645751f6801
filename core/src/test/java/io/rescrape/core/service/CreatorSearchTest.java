package io.rescrape.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.rescrape.core.Rescrape;
import io.rescrape.core.domain.Creator;
import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.CreatorQuery;
import io.rescrape.core.fixtures.RescrapeFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CreatorSearchTest {

  private final RescrapeFixture fixture = new RescrapeFixture();

  @AfterEach
  void stopInstances() {
    fixture.closeAll();
  }

  @Test
  void should_point_to_the_next_page_while_more_creators_follow() {
    List<CreatorId> ids = fixture.addNew("paged", 5);
    Rescrape rescrape = fixture.instance("a");

    CreatorPage page = rescrape.creators().search(CreatorQuery.builder().limit(2).build());

    assertThat(page.creators()).extracting(Creator::id).containsExactly(ids.get(0), ids.get(1));
    assertThat(page.next()).isEqualTo(ids.get(1));
    assertThat(page.hasNext()).isTrue();
  }

  @Test
  void should_end_on_a_full_page_when_no_creator_follows_it() {
    List<CreatorId> ids = fixture.addNew("paged", 4);
    Rescrape rescrape = fixture.instance("a");
    CreatorQuery query = CreatorQuery.builder().limit(2).build();

    CreatorPage last = rescrape.creators().search(query.withAfter(ids.get(1)));

    assertThat(last.creators()).extracting(Creator::id).containsExactly(ids.get(2), ids.get(3));
    assertThat(last.next()).isNull();
    assertThat(last.hasNext()).isFalse();
  }

  @Test
  void should_end_on_a_short_page() {
    fixture.addNew("paged", 3);
    Rescrape rescrape = fixture.instance("a");

    CreatorPage page = rescrape.creators().search(CreatorQuery.builder().limit(5).build());

    assertThat(page.creators()).hasSize(3);
    assertThat(page.next()).isNull();
  }

  @Test
  void should_list_every_creator_once_when_following_the_next_pages() {
    List<CreatorId> ids = fixture.addNew("paged", 7);
    Rescrape rescrape = fixture.instance("a");
    CreatorQuery query = CreatorQuery.builder().limit(3).build();

    List<CreatorId> listed = new ArrayList<>();
    CreatorPage page = rescrape.creators().search(query);
    int pages = 1;
    listed.addAll(page.creators().stream().map(Creator::id).toList());
    while (page.hasNext() && pages < 10) {
      page = rescrape.creators().search(query.withAfter(page.next()));
      pages++;
      listed.addAll(page.creators().stream().map(Creator::id).toList());
    }

    assertThat(listed).containsExactlyElementsOf(ids);
    assertThat(pages).isEqualTo(3);
  }
}
