package io.rescrape.core.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Past dates have no daily job, because no instance ran at their trigger time. They are not
 * replayed: their creators are overdue and due in the next job.
 *
 * @param at when the trigger noticed
 * @param dates the dates without a job, oldest first
 */
public record DatesMissed(Instant at, List<LocalDate> dates) implements RescrapeEvent {

  /**
   * The event, with its dates copied.
   *
   * @param at when the trigger noticed
   * @param dates the dates without a job, oldest first
   */
  public DatesMissed {
    dates = List.copyOf(dates);
  }
}
