package io.rescrape.example.demo;

import io.rescrape.core.domain.Handle;

/** Whether a demo account exists and shows itself; the same on every platform. */
enum DemoVisibility {
  PUBLIC,
  PRIVATE,
  MISSING;

  /** About 1% of handles are missing and about 1% private, decided by a hash of the handle. */
  static DemoVisibility of(Handle handle) {
    return switch (DemoAccount.bucket(handle)) {
      case 0 -> MISSING;
      case 1 -> PRIVATE;
      default -> PUBLIC;
    };
  }
}
