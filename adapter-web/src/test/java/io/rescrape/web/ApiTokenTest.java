package io.rescrape.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rescrape.core.domain.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTokenTest {

  private static final String SECRET = "s3cret-token-0123456789";

  @Test
  void should_match_only_the_same_token() {
    ApiToken token = ApiToken.of(SECRET);

    assertThat(token.matches(SECRET)).isTrue();
    assertThat(token.matches(SECRET + "x")).isFalse();
    assertThat(token.matches(SECRET.substring(1))).isFalse();
    assertThat(token.matches("")).isFalse();
    assertThat(token.matches(null)).isFalse();
  }

  @Test
  void should_never_show_the_secret_when_printed() {
    ApiToken token = ApiToken.of(SECRET);

    assertThat(token.toString()).doesNotContain(SECRET).contains(token.fingerprint());
    assertThat(token.fingerprint()).matches("[0-9a-f]{8}");
    assertThat(ApiToken.of(SECRET).fingerprint()).isEqualTo(token.fingerprint());
    assertThat(ApiToken.of(SECRET + "x").fingerprint()).isNotEqualTo(token.fingerprint());
  }

  @Test
  void should_refuse_a_token_that_cannot_travel_in_a_header() {
    assertThatThrownBy(() -> ApiToken.of("")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> ApiToken.of("two words"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("position 4");
    assertThatThrownBy(() -> ApiToken.of("line\nbreak")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> ApiToken.of("caf\u00e9")).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void should_flag_a_short_token() {
    assertThat(ApiToken.of("short").isShort()).isTrue();
    assertThat(ApiToken.of(SECRET).isShort()).isFalse();
  }

  @Test
  void should_read_a_token_file_without_its_line_break(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("token"), SECRET + "\n");

    assertThat(ApiToken.readFrom(file).matches(SECRET)).isTrue();
  }

  @Test
  void should_name_the_file_when_it_cannot_be_read(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("missing");
    Path empty = Files.writeString(dir.resolve("empty"), "\n");

    assertThatThrownBy(() -> ApiToken.readFrom(missing))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(missing.toString());
    assertThatThrownBy(() -> ApiToken.readFrom(empty))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("empty")
        .hasMessageContaining(empty.toString());
  }
}
