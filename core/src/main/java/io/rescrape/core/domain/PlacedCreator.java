package io.rescrape.core.domain;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A new creator with its place in the schedule, ready to store.
 *
 * @param creator the creator
 * @param day its cycle day
 * @param nextDue its first due date; null means due at once
 */
public record PlacedCreator(NewCreator creator, CycleDay day, @Nullable LocalDate nextDue) {}
