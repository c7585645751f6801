package io.rescrape.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.rescrape.core.domain.RequestBudget;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LatencyBoundTest {

  private static final Duration LATENCY = Duration.ofMillis(2_500);

  @Test
  void should_take_a_latency_per_round_of_workers_when_there_is_no_budget() {
    double bound = LatencyBound.seconds(30, 4, Duration.ofMillis(50), Optional.empty());

    assertThat(bound).isCloseTo(0.4, within(1e-9)); // 8 rounds of 4
  }

  @Test
  void should_idle_the_workers_at_each_window_end_when_the_budget_binds() {
    Optional<RequestBudget> budget = Optional.of(RequestBudget.parse("300/1m"));

    double bound = LatencyBound.seconds(879, 16, LATENCY, budget);

    // Two spent windows, then 279 requests: 18 rounds of 16 workers.
    assertThat(bound).isCloseTo(2 * 60 + 18 * 2.5, within(1e-9));
    assertThat(bound)
        .isGreaterThan(LatencyBound.latencyAlone(879, 16, LATENCY))
        .isGreaterThan(LatencyBound.budgetAlone(879, LATENCY, budget.get()));
  }

  @Test
  void should_equal_latency_alone_when_the_workers_cannot_spend_a_window_budget() {
    Optional<RequestBudget> budget = Optional.of(RequestBudget.parse("400/1m"));

    double bound = LatencyBound.seconds(879, 16, LATENCY, budget);

    // 400 requests take 25 rounds, 62.5 s: the window has moved on before the budget is spent.
    assertThat(bound).isCloseTo(LatencyBound.latencyAlone(879, 16, LATENCY), within(1e-9));
  }

  @Test
  void should_follow_the_closed_forms_when_one_limit_clearly_binds() {
    for (int requests = 1; requests <= 500; requests += 7) {
      for (int concurrency : new int[] {1, 3, 16}) {
        for (int budgetRequests : new int[] {5, 40, 200}) {
          assertClosedForms(requests, concurrency, new RequestBudget(budgetRequests, minute()));
        }
      }
    }
  }

  @Test
  void should_be_zero_when_there_are_no_requests() {
    double bound = LatencyBound.seconds(0, 16, LATENCY, Optional.of(RequestBudget.parse("300/1m")));

    assertThat(bound).isZero();
  }

  private static void assertClosedForms(int n, int c, RequestBudget budget) {
    double bound = LatencyBound.seconds(n, c, LATENCY, Optional.of(budget));
    int b = budget.requests();
    double latency = 2.5;
    double window = budget.window().toSeconds();
    boolean budgetBinds = Math.ceil((double) b / c) * latency <= window;
    boolean latencyBinds = Math.floor((double) b / c) * latency >= window;
    if (budgetBinds) {
      int last = (n - 1) % b + 1;
      double expected = (n - 1) / b * window + Math.ceil((double) last / c) * latency;
      assertThat(bound).as("n=%d c=%d %s", n, c, budget).isCloseTo(expected, within(1e-9));
    }
    if (latencyBinds) {
      double expected = Math.ceil((double) n / c) * latency;
      assertThat(bound).as("n=%d c=%d %s", n, c, budget).isCloseTo(expected, within(1e-9));
    }
  }

  private static Duration minute() {
    return Duration.ofMinutes(1);
  }
}
