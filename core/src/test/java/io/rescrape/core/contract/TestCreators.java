package io.rescrape.core.contract;

import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.CycleDay;
import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.NewCreator;
import io.rescrape.core.domain.PlacedCreator;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.port.CreatorStore;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Test data: creators with invented handles, placed directly on a day and due date. */
public final class TestCreators {

  public static final Instant ADDED_AT = Instant.parse("2025-08-01T12:00:00Z");

  private TestCreators() {}

  public static PlacedCreator placed(
      Platform platform, String handle, DayOfWeek day, @Nullable LocalDate nextDue) {
    return new PlacedCreator(
        new NewCreator(platform, new Handle(handle), null), CycleDay.of(day), nextDue);
  }

  /** Adds {@code count} creators, alternating platforms, all on one day and due date. */
  public static List<CreatorId> add(
      CreatorStore store, String prefix, int count, DayOfWeek day, @Nullable LocalDate nextDue) {
    List<PlacedCreator> batch = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Platform platform = i % 2 == 0 ? Platform.INSTAGRAM : Platform.TIKTOK;
      batch.add(placed(platform, prefix + "." + i, day, nextDue));
    }
    return store.addAll(batch, ADDED_AT).stream().map(id -> id.orElseThrow()).toList();
  }
}
