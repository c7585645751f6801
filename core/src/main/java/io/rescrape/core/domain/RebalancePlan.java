package io.rescrape.core.domain;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;

/**
 * What a rebalance does: loads per cycle day before and after, and the moves between days.
 *
 * @param before creators per cycle day now, every day of the cycle present
 * @param after creators per cycle day once the moves are applied
 * @param moves how many creators go from which day to which
 */
public record RebalancePlan(
    Map<CycleDay, Long> before, Map<CycleDay, Long> after, List<Move> moves) {

  /**
   * A plan, copied so that it cannot change afterwards.
   *
   * @param before creators per cycle day now
   * @param after creators per cycle day once the moves are applied
   * @param moves the moves, each from a day with a surplus to one with room
   */
  public RebalancePlan {
    before = ImmutableMap.copyOf(before);
    after = ImmutableMap.copyOf(after);
    moves = ImmutableList.copyOf(moves);
  }

  /** {@return the number of creators that change day} */
  public long movedCreators() {
    return moves.stream().mapToLong(Move::count).sum();
  }

  /** {@return whether nothing moves, because the days are already level} */
  public boolean isNoop() {
    return moves.isEmpty();
  }

  /**
   * Creators moving from one cycle day to another.
   *
   * @param from the day they leave
   * @param to the day they join
   * @param count how many move
   */
  public record Move(CycleDay from, CycleDay to, long count) {}
}
