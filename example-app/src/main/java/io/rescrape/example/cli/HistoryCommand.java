package io.rescrape.example.cli;

import io.rescrape.core.Rescrape;
import io.rescrape.core.domain.Creator;
import io.rescrape.core.domain.GoneReason;
import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.NotFoundException;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.StatsSnapshot;
import io.rescrape.core.service.StatsHistory;
import io.rescrape.example.AppEnvironment;
import io.rescrape.example.output.Json;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Shows a creator's stats history: one line per successful scrape, oldest first. */
@Command(
    name = "history",
    description =
        "Show a creator's counts at each successful scrape, oldest first: the data to chart its"
            + " growth.")
final class HistoryCommand extends EnvironmentCommand {

  @Parameters(index = "0", paramLabel = "PLATFORM", description = "instagram or tiktok.")
  String platform;

  @Parameters(
      index = "1",
      paramLabel = "HANDLE",
      description = "The handle, with or without '@', or the profile URL.")
  String handle;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "The latest N snapshots, 1 to 10000 (default: ${DEFAULT-VALUE}).",
      defaultValue = "52")
  int limit;

  @Option(
      names = "--since",
      paramLabel = "INSTANT",
      description = "Only snapshots taken at or after this instant, e.g. 2025-01-01T00:00:00Z.",
      converter = Converters.InstantConverter.class)
  @Nullable Instant since;

  @Override
  int run(AppEnvironment environment) {
    Rescrape rescrape = environment.rescrape();
    Platform parsed = Platform.parse(platform);
    Handle wanted = Handle.of(parsed, handle);
    Creator creator =
        rescrape
            .creators()
            .find(parsed, wanted)
            .orElseThrow(
                () -> new NotFoundException("no creator " + parsed + " @" + wanted + " is stored"));
    StatsHistory history = rescrape.history();
    List<StatsSnapshot> snapshots = history.of(creator.id(), since, limit);
    if (common.json()) {
      Json.print(out(), HistoryView.of(creator, snapshots));
    } else {
      print(creator, snapshots, out());
    }
    return ExitCodes.OK;
  }

  private static void print(Creator creator, List<StatsSnapshot> snapshots, PrintWriter out) {
    out.printf(
        "History of %s @%s (creator %s%s): %d snapshot%s, oldest first%n",
        creator.platform(),
        creator.displayHandle(),
        creator.id(),
        !creator.isGone()
            ? ""
            : (creator.isRemoved() ? ", removed " : ", gone since ") + creator.goneSince(),
        snapshots.size(),
        snapshots.size() == 1 ? "" : "s");
    if (!snapshots.isEmpty()) {
      out.printf(
          "  %-20s  %13s  %11s  %9s  %15s%n",
          "SCRAPED AT", "FOLLOWERS", "FOLLOWING", "POSTS", "LIKES");
    }
    for (StatsSnapshot snapshot : snapshots) {
      var stats = snapshot.stats();
      out.printf(
          "  %-20s  %13s  %11s  %9s  %15s%s%n",
          snapshot.scrapedAt(),
          count(stats.followers()),
          count(stats.following()),
          count(stats.posts()),
          count(stats.likes()),
          stats.approximate() ? "  (rounded)" : "");
    }
    out.flush();
  }

  private static String count(@Nullable Long value) {
    return value == null ? "-" : String.format("%,d", value);
  }

  /**
   * A creator's history as JSON.
   *
   * @param creatorId its id
   * @param platform its platform
   * @param handle its normalised handle
   * @param displayHandle its handle as first added
   * @param goneSince when it left the schedule; null while on it
   * @param goneReason why it left: NOT_FOUND answers, or removed; null while on the schedule
   * @param snapshots its snapshots, oldest first
   */
  record HistoryView(
      long creatorId,
      String platform,
      String handle,
      String displayHandle,
      @Nullable Instant goneSince,
      @Nullable GoneReason goneReason,
      List<Snapshot> snapshots) {

    static HistoryView of(Creator creator, List<StatsSnapshot> snapshots) {
      return new HistoryView(
          creator.id().value(),
          creator.platform().id(),
          creator.handle().value(),
          creator.displayHandle(),
          creator.goneSince(),
          creator.goneReason(),
          snapshots.stream().map(Snapshot::of).toList());
    }
  }

  /**
   * One snapshot as JSON; a count the platform did not report is null.
   *
   * @param scrapedAt when the scrape finished
   * @param followers accounts that follow the creator
   * @param following accounts the creator follows
   * @param posts posts or videos
   * @param likes likes received
   * @param approximate whether some count was shown rounded
   */
  record Snapshot(
      Instant scrapedAt,
      @Nullable Long followers,
      @Nullable Long following,
      @Nullable Long posts,
      @Nullable Long likes,
      boolean approximate) {

    static Snapshot of(StatsSnapshot snapshot) {
      var stats = snapshot.stats();
      return new Snapshot(
          snapshot.scrapedAt(),
          stats.followers(),
          stats.following(),
          stats.posts(),
          stats.likes(),
          stats.approximate());
    }
  }
}
