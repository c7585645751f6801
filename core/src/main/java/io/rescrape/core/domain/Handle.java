package io.rescrape.core.domain;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A creator's handle on one platform, normalised: no leading {@code @}, lower case. Two handles
 * that differ only in case or in a leading {@code @}, or that come from profile URLs of the same
 * account, name the same account.
 *
 * @param value the handle without a leading {@code @}, in lower case
 */
public record Handle(String value) {

  /** First path segments of Instagram URLs that lead to something other than a profile. */
  private static final Set<String> INSTAGRAM_NON_PROFILE =
      Set.of("p", "reel", "reels", "tv", "stories", "explore", "accounts", "direct", "about");

  /** Hosts that serve TikTok's short links, which only the network can resolve. */
  private static final Set<String> TIKTOK_SHORT_LINK_HOSTS =
      Set.of("vm.tiktok.com", "vt.tiktok.com");

  /**
   * A handle that is already normalised, such as one read back from a store. Use {@link #of} for
   * what a user typed.
   *
   * @param value not empty, without surrounding blanks, in lower case
   * @throws IllegalArgumentException when {@code value} is not normalised
   */
  public Handle {
    if (value.isEmpty() || !value.equals(value.strip().toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("handle is not normalised: '" + value + "'");
    }
  }

  /**
   * Normalises and validates a handle as a user typed it, or as a profile URL gives it.
   *
   * @param platform the platform whose handle rules apply
   * @param raw the handle as typed: surrounding blanks, a leading {@code @} and any case allowed;
   *     or a profile URL of {@code platform}, such as {@code https://www.instagram.com/lena.bakes/}
   *     or {@code tiktok.com/@kofi_codes?lang=en}
   * @return the normalised handle
   * @throws InvalidInputException naming the input, the platform and the rule it breaks, or why a
   *     URL is not a profile URL of {@code platform}
   */
  public static Handle of(Platform platform, String raw) {
    return new Handle(displayForm(platform, raw).toLowerCase(Locale.ROOT));
  }

  /**
   * The handle as the user wrote it, for display: case kept, without a leading {@code @} and
   * without the URL around it. It is validated exactly as {@link #of} validates, and lower-cased it
   * is the value {@link #of} returns.
   *
   * @param platform the platform whose handle rules apply
   * @param raw a handle or profile URL, as {@link #of} accepts it
   * @return the handle as written, such as {@code Lena.Bakes} for {@code
   *     https://www.instagram.com/Lena.Bakes/}
   * @throws InvalidInputException as {@link #of} does
   */
  public static String displayForm(Platform platform, String raw) {
    String stripped = raw.strip();
    String written = looksLikeUrl(stripped) ? fromUrl(platform, raw, stripped) : stripped;
    if (written.startsWith("@")) {
      written = written.substring(1);
    }
    // Lower-case only ASCII: Unicode would fold the Kelvin sign into a plain 'k'.
    boolean ascii = written.chars().allMatch(c -> c < 128);
    String normalized = written.toLowerCase(Locale.ROOT);
    if (!ascii || !platform.acceptsHandle(normalized) || !isWellFormed(normalized)) {
      throw new InvalidInputException(
          "invalid "
              + platform
              + " handle "
              + InvalidInputException.quoted(raw)
              + ": expected "
              + (platform == Platform.INSTAGRAM ? "1-30" : "2-24")
              + " letters, digits, '.' or '_', with a letter or digit, and no '.' at either end"
              + " or twice in a row");
    }
    return written;
  }

  /** No handle holds '/', ':', '?' or '#', so input with one of them can only be a URL. */
  private static boolean looksLikeUrl(String input) {
    return input.chars().anyMatch(c -> c == '/' || c == ':' || c == '?' || c == '#');
  }

  /** The handle inside a profile URL of the platform, as written; the path decides, not guesses. */
  private static String fromUrl(Platform platform, String raw, String url) {
    String rest = withoutScheme(url);
    int hostEnd = firstOf(rest, "/?#");
    String host = rest.substring(0, hostEnd).toLowerCase(Locale.ROOT);
    String path = rest.substring(hostEnd);
    path = path.substring(0, firstOf(path, "?#"));
    List<String> segments =
        List.of(path.split("/")).stream().filter(segment -> !segment.isEmpty()).toList();

    Platform hostPlatform = platformOf(host);
    if (hostPlatform == null) {
      throw notAProfileUrl(
          platform, raw, "neither a handle nor a profile URL such as " + example(platform));
    }
    if (hostPlatform != platform) {
      throw notAProfileUrl(
          platform, raw, "the URL points to " + hostPlatform + ", not to " + platform);
    }
    return platform == Platform.INSTAGRAM
        ? instagramHandle(raw, segments)
        : tiktokHandle(raw, host, segments);
  }

  private static String instagramHandle(String raw, List<String> segments) {
    if (segments.isEmpty()) {
      throw notAProfileUrl(Platform.INSTAGRAM, raw, "the URL names no account");
    }
    String first = segments.get(0);
    if (INSTAGRAM_NON_PROFILE.contains(first.toLowerCase(Locale.ROOT))) {
      throw notAProfileUrl(
          Platform.INSTAGRAM,
          raw,
          "/" + first + "/ leads to a post, reel, story or page, not to a profile");
    }
    if (segments.size() > 1) {
      throw notAProfileUrl(
          Platform.INSTAGRAM,
          raw,
          "a profile URL has one path segment, the handle, such as " + example(Platform.INSTAGRAM));
    }
    return first;
  }

  private static String tiktokHandle(String raw, String host, List<String> segments) {
    if (TIKTOK_SHORT_LINK_HOSTS.contains(host)) {
      throw notAProfileUrl(
          Platform.TIKTOK,
          raw,
          "a short link cannot be resolved offline; open it and give the profile URL or the"
              + " handle");
    }
    if (segments.isEmpty() || !segments.get(0).startsWith("@")) {
      throw notAProfileUrl(
          Platform.TIKTOK,
          raw,
          "a profile URL has the handle after '@', such as " + example(Platform.TIKTOK));
    }
    if (segments.size() > 1) {
      throw notAProfileUrl(
          Platform.TIKTOK, raw, "the URL leads to a video or another page, not to the profile");
    }
    return segments.get(0);
  }

  private static String withoutScheme(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    for (String scheme : List.of("https://", "http://")) {
      if (lower.startsWith(scheme)) {
        return url.substring(scheme.length());
      }
    }
    return url;
  }

  private static int firstOf(String text, String characters) {
    for (int i = 0; i < text.length(); i++) {
      if (characters.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return text.length();
  }

  private static @Nullable Platform platformOf(String host) {
    String domain = host.startsWith("www.") || host.startsWith("m.") ? afterFirstDot(host) : host;
    if (domain.equals("instagram.com")) {
      return Platform.INSTAGRAM;
    }
    if (domain.equals("tiktok.com") || TIKTOK_SHORT_LINK_HOSTS.contains(host)) {
      return Platform.TIKTOK;
    }
    return null;
  }

  private static String afterFirstDot(String host) {
    return host.substring(host.indexOf('.') + 1);
  }

  private static String example(Platform platform) {
    return platform == Platform.INSTAGRAM
        ? "https://www.instagram.com/HANDLE/"
        : "https://www.tiktok.com/@HANDLE";
  }

  private static InvalidInputException notAProfileUrl(Platform platform, String raw, String why) {
    return new InvalidInputException(
        "invalid " + platform + " handle " + InvalidInputException.quoted(raw) + ": " + why);
  }

  /** Rules both platforms share beyond the character set: "." or "_.." is nobody's handle. */
  private static boolean isWellFormed(String handle) {
    boolean hasLetterOrDigit = handle.chars().anyMatch(Character::isLetterOrDigit);
    boolean dotAtEnd = handle.startsWith(".") || handle.endsWith(".");
    return hasLetterOrDigit && !dotAtEnd && !handle.contains("..");
  }

  @Override
  public String toString() {
    return value;
  }
}
