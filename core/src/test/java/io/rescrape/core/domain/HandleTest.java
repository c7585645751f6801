package io.rescrape.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://www.instagram.com/Lena.Bakes/",
        "instagram.com/lena.bakes?hl=en",
        "http://m.instagram.com/lena.bakes#x",
        "HTTPS://WWW.INSTAGRAM.COM/LENA.BAKES",
        " www.instagram.com/@lena.bakes/ "
      })
  void should_take_the_handle_from_an_instagram_profile_url(String url) {
    assertThat(Handle.of(Platform.INSTAGRAM, url)).isEqualTo(new Handle("lena.bakes"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://www.tiktok.com/@Kofi_Codes?lang=en",
        "tiktok.com/@kofi_codes/",
        "https://m.tiktok.com/@kofi_codes#top"
      })
  void should_take_the_handle_from_a_tiktok_profile_url(String url) {
    assertThat(Handle.of(Platform.TIKTOK, url)).isEqualTo(new Handle("kofi_codes"));
  }

  @Test
  void should_keep_the_handle_as_written_for_display() {
    assertThat(Handle.displayForm(Platform.INSTAGRAM, "https://www.instagram.com/Lena.Bakes/"))
        .isEqualTo("Lena.Bakes");
    assertThat(Handle.displayForm(Platform.INSTAGRAM, " @LENA.bakes ")).isEqualTo("LENA.bakes");
    assertThat(Handle.displayForm(Platform.TIKTOK, "https://www.tiktok.com/@Kofi_Codes?lang=en"))
        .isEqualTo("Kofi_Codes");
  }

  @Test
  void should_reject_a_profile_url_of_the_other_platform() {
    assertThatThrownBy(() -> Handle.of(Platform.INSTAGRAM, "https://www.tiktok.com/@kofi_codes"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "invalid instagram handle 'https://www.tiktok.com/@kofi_codes': the URL points to"
                + " tiktok, not to instagram");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "instagram | instagram.com/p/Cx123/    | /p/ leads to a post, reel, story or page",
        "instagram | instagram.com/reel/Cy9_x/ | /reel/ leads to a post, reel, story or page",
        "instagram | instagram.com/lena.bakes/tagged/ | a profile URL has one path segment",
        "instagram | https://www.instagram.com/ | the URL names no account",
        "instagram | youtube.com/@lena.bakes | neither a handle nor a profile URL",
        "tiktok    | tiktok.com/@kofi_codes/video/123 | leads to a video or another page",
        "tiktok    | https://vm.tiktok.com/ZMabc123/ | a short link cannot be resolved offline",
        "tiktok    | tiktok.com/kofi_codes | a profile URL has the handle after '@'",
      })
  void should_reject_a_url_that_is_not_a_profile_and_say_why(
      String platform, String url, String why) {
    assertThatThrownBy(() -> Handle.of(Platform.parse(platform), url))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("invalid " + platform + " handle '" + url + "': ")
        .hasMessageContaining(why);
  }

  @Test
  void should_reject_a_profile_url_whose_handle_breaks_the_rules() {
    assertThatThrownBy(() -> Handle.of(Platform.TIKTOK, "tiktok.com/@k"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("expected 2-24 letters");
  }

  @Test
  void should_add_the_same_account_once_however_it_is_written() {
    NewCreator plain = NewCreator.of(Platform.INSTAGRAM, "Lena.Bakes");
    NewCreator at = NewCreator.of(Platform.INSTAGRAM, "@lena.bakes");
    NewCreator url = NewCreator.of(Platform.INSTAGRAM, "https://www.instagram.com/LENA.BAKES/");

    assertThat(at.handle()).isEqualTo(plain.handle()).isEqualTo(url.handle());
    assertThat(plain.displayHandle()).isEqualTo("Lena.Bakes");
    assertThat(url.displayHandle()).isEqualTo("LENA.BAKES");
  }

  @Test
  void should_refuse_a_display_handle_of_another_account() {
    assertThatThrownBy(
            () -> new NewCreator(Platform.TIKTOK, new Handle("kofi_codes"), "Kofi.Codes", null))
        .isInstanceOf(IllegalArgumentException.class);
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
