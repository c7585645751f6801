package io.rescrape.scraper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodiesTest {

  @Test
  void should_drop_script_and_style_content_when_the_body_is_markup() {
    String page = "<p>Too fast.</p><SCRIPT>var t='try again later'</SCRIPT><style>x{}</style>ok";

    String readable = Bodies.readableText(page);

    assertThat(readable).isEqualTo("<p>Too fast.</p>ok");
  }

  @Test
  void should_drop_the_rest_when_a_script_is_never_closed() {
    String page = "<p>İstanbul</p><script>var t='try again later'";

    String readable = Bodies.readableText(page);

    assertThat(readable).isEqualTo("<p>İstanbul</p>");
  }

  @Test
  void should_keep_elements_whose_names_only_start_like_script() {
    String page = "<p>x</p><scripted>try again later</scripted>";

    String readable = Bodies.readableText(page);

    assertThat(readable).isEqualTo(page);
  }

  @Test
  void should_keep_the_body_as_it_is_when_it_is_not_markup() {
    String json = "{\"message\":\"<script>useragent mismatch</script>\"}";

    String readable = Bodies.readableText(json);

    assertThat(readable).isEqualTo(json);
  }
}
