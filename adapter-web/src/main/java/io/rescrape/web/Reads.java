package io.rescrape.web;

import io.javalin.http.Handler;
import io.javalin.router.JavalinDefaultRouting;

/**
 * Registers reads for both GET and HEAD. Left to itself Javalin answers HEAD with 200 whenever a
 * GET route matches, without running it: a HEAD on a missing job or a health check with the
 * database down would say all is well.
 */
final class Reads {

  private Reads() {}

  static void get(JavalinDefaultRouting router, String path, Handler handler) {
    router.get(path, handler);
    router.head(path, handler);
  }
}
