package io.rescrape.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HandleTest {

  @ParameterizedTest
  @ValueSource(strings = {"lena.bakes", "@lena.bakes", "  Lena.Bakes ", "@LENA.BAKES"})
  void should_normalise_case_blanks_and_a_leading_at(String raw) {
    assertThat(Handle.of(Platform.INSTAGRAM, raw)).isEqualTo(new Handle("lena.bakes"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "@", "has space", "semi;colon", "a/b"})
  void should_reject_characters_no_platform_allows(String raw) {
    assertThatThrownBy(() -> Handle.of(Platform.TIKTOK, raw))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("invalid tiktok handle '" + raw + "'");
  }

  @Test
  void should_reject_a_handle_longer_than_the_platform_allows() {
    assertThatThrownBy(() -> Handle.of(Platform.INSTAGRAM, "a".repeat(31)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("expected 1-30 letters, digits");
  }

  @ParameterizedTest
  @ValueSource(strings = {".", "..", "._", ".lena", "lena.", "le..na"})
  void should_reject_handles_made_of_dots_or_with_dots_at_the_ends(String raw) {
    assertThatThrownBy(() -> Handle.of(Platform.INSTAGRAM, raw))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no '.' at either end or twice in a row");
  }

  @Test
  void should_reject_letters_that_only_look_like_ascii_when_lower_cased() {
    assertThatThrownBy(() -> Handle.of(Platform.TIKTOK, "\u212Aelvin"))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void should_quote_hostile_input_short_and_without_control_characters() {
    String hostile = "evil\u001b[31m" + "x".repeat(5_000);

    assertThatThrownBy(() -> Handle.of(Platform.INSTAGRAM, hostile))
        .hasMessageStartingWith("invalid instagram handle 'evil\\u001b[31mxxx")
        .hasMessageContaining("xxx...'")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(250));
  }

  @Test
  void should_parse_platform_names_in_any_case() {
    assertThat(Platform.parse(" TikTok ")).isEqualTo(Platform.TIKTOK);
  }

  @Test
  void should_name_the_accepted_platforms_when_one_is_unknown() {
    assertThatThrownBy(() -> Platform.parse("myspace"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("unknown platform 'myspace' (expected one of instagram, tiktok)");
  }

  @Test
  void should_reject_job_ids_that_are_not_positive_numbers() {
    assertThatThrownBy(() -> JobId.parse("-3"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("invalid job id '-3': expected a positive number");
  }
}
