package io.rescrape.scraper;

import io.rescrape.core.domain.ScrapeResult;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a refusal says in words. Platforms often refuse with a status that means something else: a
 * 401 that only asks us to wait is a throttle, and a 429 that complains about our user agent will
 * not pass however long we wait. Where the words are clear, they decide.
 *
 * <p>The phrases are English: the scrapers ask for English pages (see their default headers).
 */
final class RefusalWords {

  private static final String UNIT = "(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h)\\b";

  /** Phrases asking us to come back later; group 1 and 2, where present, name the wait. */
  private static final List<Pattern> WAIT_PHRASES =
      List.of(
          phrase(
              "wait\\s+(?:for\\s+)?(?:(\\d{1,6})|a\\s+few|a\\s+couple\\s+of|several)\\s*" + UNIT),
          phrase("try\\s+again\\s+(?:in|after)\\s+(\\d{1,6})\\s*" + UNIT),
          phrase("try\\s+again\\s+later"),
          phrase("before\\s+you\\s+try\\s+again"),
          phrase("too\\s+many\\s+requests"));

  private static final List<Complaint> COMPLAINTS =
      List.of(
          new Complaint(
              "user agent",
              phrase(
                  "user[\\s_-]?agent\\s+(?:mismatch|not\\s+allowed|not\\s+supported|invalid)"
                      + "|(?:invalid|unsupported|unknown|bad)\\s+user[\\s_-]?agent")),
          new Complaint(
              "app id (the X-IG-App-ID header)",
              phrase(
                  "(?:invalid|missing|unknown|bad|wrong)\\s+(?:x-ig-)?app[\\s_-]?id"
                      + "|(?:x-ig-)?app[\\s_-]?id(?:\\s+header)?\\s+(?:is\\s+)?"
                      + "(?:invalid|missing|required|mismatch)")),
          new Complaint(
              "client (user agent or headers)",
              phrase(
                  "unsupported\\s+(?:browser|client)"
                      + "|(?:browser|client)\\s+(?:is\\s+)?not\\s+supported")),
          new Complaint(
              "request headers",
              phrase("(?:invalid|missing|bad)\\s+(?:required\\s+)?(?:request\\s+)?headers?")));

  private RefusalWords() {}

  /**
   * The outcome the words of a refusal give it: {@code MISCONFIGURED} when they blame our client,
   * {@code RATE_LIMITED} when they ask us to wait; null when they say neither.
   *
   * @param statedWait the wait a {@code Retry-After} header asked for, preferred to one in the text
   */
  static @Nullable ScrapeResult outcome(
      Lookup lookup, int status, String text, @Nullable Duration statedWait) {
    // A client the platform rejects is checked first: waiting would not cure it.
    for (Complaint complaint : COMPLAINTS) {
      Matcher found = complaint.phrase().matcher(text);
      if (found.find()) {
        return misconfigured(lookup, status, complaint.what(), found.group());
      }
    }
    for (Pattern wait : WAIT_PHRASES) {
      Matcher found = wait.matcher(text);
      if (found.find()) {
        Duration retryAfter = statedWait != null ? statedWait : namedWait(found);
        return ScrapeResult.rateLimited(
            retryAfter, lookup.describe(status, "rate limited: " + quoted(found.group())));
      }
    }
    return null;
  }

  private static ScrapeResult misconfigured(Lookup lookup, int status, String what, String phrase) {
    String message = lookup.describe(status, "the platform rejects our " + what);
    return ScrapeResult.misconfigured(message + ": " + quoted(phrase));
  }

  /** The wait a matched phrase names, such as "wait 5 minutes"; null for "a few minutes". */
  private static @Nullable Duration namedWait(Matcher found) {
    if (found.groupCount() < 2 || found.group(1) == null) {
      return null;
    }
    long amount = Long.parseLong(found.group(1));
    return switch (found.group(2).toLowerCase(Locale.ROOT).charAt(0)) {
      case 's' -> Duration.ofSeconds(amount);
      case 'm' -> Duration.ofMinutes(amount);
      default -> Duration.ofHours(amount);
    };
  }

  private static String quoted(String phrase) {
    return "\"" + Bodies.excerpt(phrase, 80) + "\"";
  }

  private static Pattern phrase(String regex) {
    return Pattern.compile("\\b(?:" + regex + ")", Pattern.CASE_INSENSITIVE);
  }

  private record Complaint(String what, Pattern phrase) {}
}
