package io.rescrape.example.cli;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.Profile;
import io.rescrape.core.domain.ProfileStats;
import io.rescrape.core.domain.ScrapeOutcome;
import io.rescrape.core.domain.ScrapeResult;
import io.rescrape.core.port.ProfileScraper;
import io.rescrape.example.demo.DemoPlatform;
import io.rescrape.example.output.Json;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Scrapes one profile now, through the same scraper and settings a job uses, and prints the outcome
 * and what was parsed: the on-call engineer's check that a platform still answers as the scraper
 * expects. It needs no database.
 */
@Command(
    name = "probe",
    description =
        "Scrape one profile now and print the outcome and what was parsed. Exit code 0 when the"
            + " profile was read, 5 for any other outcome.")
final class ProbeCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "PLATFORM", description = "instagram or tiktok.")
  String platform;

  @Parameters(
      index = "1",
      paramLabel = "HANDLE",
      description = "The handle, with or without @, or the profile's URL.")
  String handle;

  @Mixin ScraperOptions scraping = new ScraperOptions();

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Option(
      names = "--demo",
      description = "Probe the local demo platform (started for this command) instead.")
  boolean demo;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Where the log goes (default: ${DEFAULT-VALUE}).",
      defaultValue = "rescrape-data")
  Path dataDir;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Platform target = Platform.parse(platform);
    Handle account = Handle.of(target, handle);
    try (DemoPlatform stand = demo ? DemoPlatform.start(Duration.ZERO) : null) {
      URI base = stand != null ? stand.baseUri(target) : scraping.baseUrl(target);
      ScrapeResult result = scraper(target, base).scrape(account);
      Probe probe = Probe.of(target, account, result);
      if (json) {
        Json.print(out(), probe);
      } else {
        print(probe);
      }
      return result.outcome() == ScrapeOutcome.OK ? ExitCodes.OK : ExitCodes.PROFILE_NOT_READ;
    }
  }

  private ProfileScraper scraper(Platform target, URI base) {
    return scraping.http().get(target).scraper(target, base, Clock.systemUTC());
  }

  private void print(Probe probe) {
    PrintWriter out = out();
    out.printf("%s %s: %s%n", probe.platform(), probe.handle(), probe.outcome());
    if (!probe.message().isEmpty()) {
      out.printf("  message      %s%n", probe.message());
    }
    if (probe.hasProfile()) {
      out.printf("  platform id  %s%n", text(probe.platformId()));
      out.printf("  followers    %s%n", count(probe.followers()));
      out.printf("  following    %s%n", count(probe.following()));
      out.printf("  posts        %s%n", count(probe.posts()));
      out.printf("  likes        %s%n", count(probe.likes()));
      out.printf("  verified     %s%n", flag(probe.verified()));
      out.printf("  private      %s%n", flag(probe.privateAccount()));
      out.printf("  approximate  %s%n", probe.approximate() ? "yes (counts shown rounded)" : "no");
    }
    out.flush();
  }

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }

  private static String text(@Nullable String value) {
    return value == null ? "unknown" : value;
  }

  private static String count(@Nullable Long value) {
    return value == null ? "unknown" : String.format(Locale.ROOT, "%,d", value);
  }

  private static String flag(@Nullable Boolean value) {
    return value == null ? "unknown" : value ? "yes" : "no";
  }

  /**
   * What the probe prints; unknown values are null.
   *
   * @param platform the platform's id
   * @param handle the normalised handle
   * @param outcome the outcome class
   * @param platformId the platform's own id of the account
   * @param followers accounts following it
   * @param following accounts it follows
   * @param posts posts or videos
   * @param likes likes over all posts
   * @param verified whether it is verified
   * @param privateAccount whether it is private; printed as {@code private}
   * @param approximate whether some count was shown rounded
   * @param message what the platform answered, when it was not a plain success
   */
  record Probe(
      String platform,
      String handle,
      ScrapeOutcome outcome,
      @Nullable String platformId,
      @Nullable Long followers,
      @Nullable Long following,
      @Nullable Long posts,
      @Nullable Long likes,
      @Nullable Boolean verified,
      @JsonProperty("private") @Nullable Boolean privateAccount,
      boolean approximate,
      String message) {

    static Probe of(Platform platform, Handle handle, ScrapeResult result) {
      Profile profile = result.profile();
      ProfileStats stats = profile == null ? ProfileStats.UNKNOWN : profile.stats();
      return new Probe(
          platform.id(),
          handle.value(),
          result.outcome(),
          profile == null ? null : profile.platformUserId(),
          stats.followers(),
          stats.following(),
          stats.posts(),
          stats.likes(),
          profile == null ? null : profile.verified(),
          profile == null ? null : profile.privateAccount(),
          stats.approximate(),
          result.message());
    }

    @JsonIgnore
    boolean hasProfile() {
      return platformId != null || followers != null || privateAccount != null;
    }
  }
}
