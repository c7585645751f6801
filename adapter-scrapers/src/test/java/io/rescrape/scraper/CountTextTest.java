package io.rescrape.scraper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CountTextTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "999         | 999",
        "0           | 0",
        "12,345      | 12345",
        "1,234,567   | 1234567",
        "'  12,345 ' | 12345",
        "9223372036854775807 | 9223372036854775807"
      })
  void should_read_an_exact_count_when_the_text_shows_every_digit(String text, long expected) {
    Count count = CountText.parse(text).orElseThrow();

    assertThat(count).isEqualTo(new Count(expected, false));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1.2M        | 1200000",
        "630k        | 630000",
        "630K        | 630000",
        "1.5B        | 1500000000",
        "1.2 M       | 1200000",
        "10.5k       | 10500",
        "' 48.2K  '  | 48200",
        "0K          | 0",
        "2.999b      | 2999000000"
      })
  void should_read_an_approximate_count_when_the_text_is_abbreviated(String text, long expected) {
    Count count = CountText.parse(text).orElseThrow();

    assertThat(count).isEqualTo(new Count(expected, true));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.2\u00a0M", "\u202f1.2M\u00a0"})
  void should_read_the_count_when_no_break_spaces_surround_the_suffix(String text) {
    Count count = CountText.parse(text).orElseThrow();

    assertThat(count).isEqualTo(new Count(1_200_000, true));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "lots",
        "-5",
        "1.2.3M",
        "1,2M",
        "12,34",
        "1.5",
        "1.2345k",
        "M",
        "1.2MM",
        "9223372036854775808",
        "9999999999B",
        "12 345"
      })
  void should_find_no_count_when_the_text_is_not_one(String text) {
    assertThat(CountText.parse(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\u00a0\t"})
  void should_see_a_blank_when_the_text_holds_only_spaces(String text) {
    assertThat(CountText.isBlank(text)).isTrue();
  }
}
