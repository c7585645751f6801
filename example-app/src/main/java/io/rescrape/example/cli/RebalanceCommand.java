package io.rescrape.example.cli;

import io.rescrape.core.domain.Cycle;
import io.rescrape.core.domain.CycleDay;
import io.rescrape.core.domain.RebalancePlan;
import io.rescrape.example.AppEnvironment;
import io.rescrape.example.output.Json;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Levels creators over the active days with the fewest moves. */
@Command(
    name = "rebalance",
    description =
        "Level creators over the active days with the fewest moves; each moved creator keeps its"
            + " rhythm. Refused while a job runs.")
final class RebalanceCommand extends EnvironmentCommand {

  @Option(names = "--dry-run", description = "Show the moves without making them.")
  boolean dryRun;

  @Override
  int run(AppEnvironment environment) {
    var rebalancer = environment.rescrape().rebalancer();
    RebalancePlan plan = dryRun ? rebalancer.plan() : rebalancer.apply();
    Cycle cycle = environment.rescrape().policy().cycle();
    if (common.json()) {
      Json.print(out(), view(plan, cycle));
    } else {
      print(plan, cycle, out());
    }
    return ExitCodes.OK;
  }

  private void print(RebalancePlan plan, Cycle cycle, PrintWriter out) {
    if (plan.isNoop()) {
      out.println("Already balanced: active days differ by at most one creator. Nothing to move.");
      out.flush();
      return;
    }
    out.printf(
        "%s %,d creators:%n", dryRun ? "A rebalance would move" : "Moved", plan.movedCreators());
    for (RebalancePlan.Move move : plan.moves()) {
      out.printf(
          "  %,8d  %s -> %s%n", move.count(), cycle.label(move.from()), cycle.label(move.to()));
    }
    out.println("  day    before    after");
    for (CycleDay day : cycle.days()) {
      out.printf(
          "  %-4s %,8d %,8d%n", cycle.label(day), plan.before().get(day), plan.after().get(day));
    }
    if (dryRun) {
      out.println("Dry run: nothing changed. Run without --dry-run to apply.");
    }
    out.flush();
  }

  private RebalanceView view(RebalancePlan plan, Cycle cycle) {
    Map<String, Long> before = new LinkedHashMap<>();
    Map<String, Long> after = new LinkedHashMap<>();
    for (CycleDay day : cycle.days()) {
      before.put(cycle.label(day), plan.before().get(day));
      after.put(cycle.label(day), plan.after().get(day));
    }
    List<MoveView> moves =
        plan.moves().stream()
            .map(m -> new MoveView(cycle.label(m.from()), cycle.label(m.to()), m.count()))
            .toList();
    return new RebalanceView(dryRun, plan.movedCreators(), moves, before, after);
  }

  /**
   * A rebalance as JSON.
   *
   * @param dryRun whether nothing was changed
   * @param moved creators that change day
   * @param moves the moves
   * @param before creators per day before
   * @param after creators per day after
   */
  record RebalanceView(
      boolean dryRun,
      long moved,
      List<MoveView> moves,
      Map<String, Long> before,
      Map<String, Long> after) {}

  /**
   * Creators moving from one day to another.
   *
   * @param from the day they leave
   * @param to the day they join
   * @param count how many
   */
  record MoveView(String from, String to, long count) {}
}
