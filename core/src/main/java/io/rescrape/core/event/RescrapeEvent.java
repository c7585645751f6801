package io.rescrape.core.event;

import java.time.Instant;

/** Something that happened, stamped from the injected clock. */
public sealed interface RescrapeEvent
    permits DailyJobCreated,
        NothingDue,
        TriggerFired,
        TriggerFailed,
        DatesMissed,
        JobStarted,
        JobQueued,
        JobStopped,
        CreatorScraped,
        CreatorFailed,
        CreatorGone,
        CreatorRemoved,
        RetryScheduled,
        PlatformPaused,
        CircuitOpened,
        CircuitClosed,
        CreatorsRebalanced {

  /** {@return when it happened, from the injected clock} */
  Instant at();
}
