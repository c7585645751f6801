package io.rescrape.core.domain;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The schedule fields of a creator, as a rebalance reads and rewrites them.
 *
 * @param id the creator
 * @param day its cycle day
 * @param nextDue its next due date; null until its first visit
 */
public record ScheduledCreator(CreatorId id, CycleDay day, @Nullable LocalDate nextDue) {}
