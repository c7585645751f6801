package io.rescrape.example.demo;

import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.ProfileStats;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * One invented account as the demo platform shows it. Everything derives from the platform and the
 * handle alone, so every run on every machine shows the same account for the same handle.
 *
 * @param stats all four counts; Instagram shows all but the likes
 */
record DemoAccount(
    String id, String displayName, String biography, boolean verified, ProfileStats stats) {

  private static final List<String> BIOGRAPHIES =
      List.of(
          "Small batches, big flavours.",
          "Sketching something every day.",
          "Code, coffee and long walks.",
          "Trail runner. Weekend climber.",
          "Plants, pots and patience.",
          "Notes from a tiny kitchen.");

  static DemoAccount of(Platform platform, Handle handle) {
    long seed = seed(platform.id() + "/" + handle.value());
    // java.util.Random's sequence is fixed by its specification, so accounts never change as long
    // as the draws keep their order.
    Random random = new Random(seed);
    String biography = BIOGRAPHIES.get(random.nextInt(BIOGRAPHIES.size()));
    boolean verified = random.nextInt(25) == 0;
    return new DemoAccount(
        id(platform, seed), displayName(handle.value()), biography, verified, stats(random));
  }

  /** Where the handle falls among 100 buckets, the same on every platform. */
  static int bucket(Handle handle) {
    return (int) Math.floorMod(seed(handle.value()), 100L);
  }

  /** The counts a scraper reads on {@code platform}. */
  ProfileStats statsOn(Platform platform) {
    Long likes = platform == Platform.INSTAGRAM ? null : stats.likes();
    return new ProfileStats(stats.followers(), stats.following(), stats.posts(), likes);
  }

  private static ProfileStats stats(Random random) {
    // StrictMath, unlike Math, gives the same result on every JVM.
    long followers = (long) StrictMath.pow(10, 2 + 5 * random.nextDouble());
    long following = 20 + random.nextInt(2_000);
    long posts = 1 + random.nextInt(1_500);
    long likes = followers * (3 + random.nextInt(40)) + random.nextInt(1_000);
    return new ProfileStats(followers, following, posts, likes);
  }

  private static String id(Platform platform, long seed) {
    long id =
        platform == Platform.INSTAGRAM
            ? 10_000_000_000L + Math.floorMod(seed, 90_000_000_000L)
            : 6_000_000_000_000_000_000L + Math.floorMod(seed, 900_000_000_000_000_000L);
    return Long.toString(id);
  }

  private static String displayName(String handle) {
    return Arrays.stream(handle.split("[._]+"))
        .filter(word -> !word.isEmpty())
        .map(word -> word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1))
        .collect(Collectors.joining(" "));
  }

  /** FNV-1a over the UTF-8 bytes, then the SplitMix64 finaliser to spread nearby handles. */
  private static long seed(String text) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
    }
    hash = (hash ^ (hash >>> 30)) * 0xbf58476d1ce4e5b9L;
    hash = (hash ^ (hash >>> 27)) * 0x94d049bb133111ebL;
    return hash ^ (hash >>> 31);
  }
}
