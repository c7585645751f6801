package io.rescrape.core.contract;

import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.CycleDay;
import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.NewCreator;
import io.rescrape.core.domain.NotFoundAnswer;
import io.rescrape.core.domain.PlacedCreator;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.port.CreatorStore;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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

  /** A creator added as the user wrote it: a handle in any case, with '@', or a profile URL. */
  public static PlacedCreator written(
      Platform platform, String raw, DayOfWeek day, @Nullable LocalDate nextDue) {
    return new PlacedCreator(NewCreator.of(platform, raw), CycleDay.of(day), nextDue);
  }

  /** Records NOT_FOUND in the jobs of three days in a row from {@code first}: gone after 3. */
  public static void markGone(CreatorStore store, CreatorId id, LocalDate first) {
    for (int day = 0; day < 3; day++) {
      LocalDate date = first.plusDays(day);
      Instant at = date.atTime(9, 5).toInstant(ZoneOffset.UTC);
      store.recordNotFound(List.of(new NotFoundAnswer(id, date, at)), 3);
    }
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
