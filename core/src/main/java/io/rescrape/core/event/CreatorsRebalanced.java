package io.rescrape.core.event;

import io.rescrape.core.domain.RebalancePlan;
import java.time.Instant;

/**
 * A rebalance moved creators between cycle days.
 *
 * @param at when the rebalance finished
 * @param plan the loads before and after, and the moves made
 */
public record CreatorsRebalanced(Instant at, RebalancePlan plan) implements RescrapeEvent {}
