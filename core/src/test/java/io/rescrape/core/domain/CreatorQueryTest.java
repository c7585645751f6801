package io.rescrape.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CreatorQueryTest {

  @Test
  void should_list_the_first_page_of_every_creator_on_the_schedule_by_default() {
    CreatorQuery query = CreatorQuery.builder().build();

    assertThat(query).isEqualTo(new CreatorQuery(null, null, false, null, 100));
  }

  @Test
  void should_refuse_a_limit_below_one_naming_the_field() {
    assertThatThrownBy(() -> CreatorQuery.builder().limit(0).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("limit must be between 1 and 1000, got 0");
  }

  @Test
  void should_refuse_a_limit_above_one_thousand_naming_the_field() {
    assertThatThrownBy(() -> CreatorQuery.builder().limit(1001).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("limit must be between 1 and 1000, got 1001");
  }

  @Test
  void should_accept_the_limits_at_both_ends() {
    int smallest = CreatorQuery.builder().limit(1).build().limit();
    int largest = CreatorQuery.builder().limit(1000).build().limit();

    assertThat(smallest).isEqualTo(1);
    assertThat(largest).isEqualTo(1000);
  }

  @Test
  void should_refuse_a_text_longer_than_any_handle_naming_the_field() {
    String text = "a".repeat(65);

    assertThatThrownBy(() -> CreatorQuery.builder().text(text).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("text must be at most 64 characters, got 65: 'aaaa");
  }

  @Test
  void should_lower_case_only_the_ascii_letters_of_the_text() {
    CreatorQuery query = CreatorQuery.builder().text("Lena_B%\u212A").build();

    assertThat(query.text()).isEqualTo("lena_b%\u212A");
  }

  @Test
  void should_keep_every_filter_when_moving_to_the_next_page() {
    CreatorQuery first =
        CreatorQuery.builder().platform(Platform.TIKTOK).text("kofi").includeGone(true).build();

    CreatorQuery next = first.withAfter(new CreatorId(42));

    assertThat(next)
        .isEqualTo(new CreatorQuery(Platform.TIKTOK, "kofi", true, new CreatorId(42), 100));
  }
}
