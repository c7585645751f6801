package io.rescrape.scraper;

import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.Platform;

/** One profile being looked up; names it in every message about the lookup. */
record Lookup(Platform platform, Handle handle) {

  /** A message about an answer with this HTTP status, such as "tiktok @x: HTTP 404, why". */
  String describe(int status, String what) {
    return this + ": HTTP " + status + ", " + what;
  }

  /** A message about a lookup that got no HTTP answer. */
  String describe(String what) {
    return this + ": " + what;
  }

  @Override
  public String toString() {
    return platform.id() + " @" + handle.value();
  }
}
