package io.rescrape.core.event;

import io.rescrape.core.domain.RebalancePlan;
import java.time.Instant;

/** A rebalance moved creators between cycle days. */
public record CreatorsRebalanced(Instant at, RebalancePlan plan) implements RescrapeEvent {}
