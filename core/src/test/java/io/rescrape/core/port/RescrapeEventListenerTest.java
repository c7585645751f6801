package io.rescrape.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchRuntimeException;

import io.rescrape.core.event.NothingDue;
import io.rescrape.core.event.RescrapeEvent;
import io.rescrape.core.testing.RecordingEventListener;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RescrapeEventListenerTest {

  private static final RescrapeEvent EVENT =
      new NothingDue(Instant.parse("2025-08-27T09:00:00Z"), LocalDate.of(2025, 8, 27));

  @Test
  void should_hand_each_event_to_every_listener_in_order() {
    List<String> heard = new ArrayList<>();
    RescrapeEventListener both =
        RescrapeEventListener.all(event -> heard.add("metrics"), event -> heard.add("audit"));

    both.onEvent(EVENT);

    assertThat(heard).containsExactly("metrics", "audit");
  }

  @Test
  void should_still_reach_the_others_when_one_listener_throws() {
    RecordingEventListener later = new RecordingEventListener();
    RescrapeEventListener both =
        RescrapeEventListener.all(
            event -> {
              throw new IllegalStateException("broken dashboard");
            },
            later);

    RuntimeException thrown = catchRuntimeException(() -> both.onEvent(EVENT));

    assertThat(later.all()).containsExactly(EVENT);
    assertThat(thrown).hasMessage("broken dashboard");
  }
}
