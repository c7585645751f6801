package io.rescrape.core.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Past dates have no daily job, because no instance ran at their trigger time. They are not
 * replayed: their creators are overdue and due in the next job.
 */
public record DatesMissed(Instant at, List<LocalDate> dates) implements RescrapeEvent {

  public DatesMissed {
    dates = List.copyOf(dates);
  }
}
