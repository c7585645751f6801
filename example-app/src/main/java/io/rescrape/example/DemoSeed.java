package io.rescrape.example;

import io.rescrape.core.Rescrape;
import io.rescrape.core.domain.CycleDay;
import io.rescrape.core.domain.Handle;
import io.rescrape.core.domain.InvalidInputException;
import io.rescrape.core.domain.NewCreator;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.service.CreatorImport;
import io.rescrape.core.service.ImportOutcome;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference deployment as demo data: 1,755 invented creators on both platforms, last scraped on
 * each active day of the week before today (Wed 292, Thu 292, Fri 293, Sat 293, Sun 293, Mon 292 in
 * the default schedule; nobody on the Tuesday rest day). Run "today" on Wednesday 2025-08-27 and
 * the last scrapes fall on 2025-08-20 ... 2025-08-25, as in the reference.
 */
final class DemoSeed {

  static final int CREATORS = 1_755;

  private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);
  private static final String[] NAMES = {
    "mia", "leo", "ava", "kai", "zoe", "noah", "ines", "omar", "yuki", "lena", "ravi", "sofia",
    "theo", "nia", "ezra", "luca", "amara", "jonas", "priya", "mateo"
  };
  private static final String[] TOPICS = {
    "bakes", "travels", "codes", "lifts", "paints", "sings", "cooks", "reads", "runs", "films",
    "dances", "builds", "grows", "knits", "skates"
  };

  private DemoSeed() {}

  /**
   * Keeps the demo and real data apart, both ways. The first demo creator stands for all of them: a
   * database that holds it was seeded by the demo, whichever way it is reached. Without {@code
   * --demo}, such a database is refused, so the real platforms are never asked for invented
   * handles; with it, a database of other creators is refused, so the demo platform's invented
   * stats never overwrite real ones.
   */
  static void guardScrapes(Rescrape rescrape, boolean demo) {
    Handle sentinel = handleOf(0);
    boolean seededByDemo = rescrape.creators().find(platformOf(0), sentinel).isPresent();
    if (!demo && seededByDemo) {
      throw new InvalidInputException(
          "this database holds the invented demo creators (such as "
              + platformOf(0)
              + " @"
              + sentinel
              + "); add --demo, or use another database");
    }
    long creators = rescrape.creators().count() + rescrape.creators().countGone();
    if (demo && !seededByDemo && creators > 0) {
      throw new InvalidInputException(
          "this database holds "
              + creators
              + " creators that the demo did not seed; --demo would store the demo platform's"
              + " invented stats over theirs. Drop --demo to scrape the real platforms, or give"
              + " the demo another --data-dir or --db");
    }
  }

  /** Seeds the demo creators unless the store already holds creators. */
  static void seedIfEmpty(Rescrape rescrape) {
    if (rescrape.creators().count() > 0) {
      return;
    }
    LocalDate today = rescrape.policy().dateOf(rescrape.clock().instant());
    List<CycleDay> days = weekFrom(rescrape, today);
    CreatorImport creatorImport = rescrape.creators().startImport();
    List<NewCreator> batch = new ArrayList<>();
    long added = 0;
    for (int i = 0; i < CREATORS; i++) {
      batch.add(creator(i, lastScrape(rescrape, today, dayOf(i, days))));
      if (batch.size() == 500 || i == CREATORS - 1) {
        added += addedBy(creatorImport.add(batch));
        batch.clear();
      }
    }
    // Instances started together on an empty database seed side by side; each says what it added.
    log.info(
        "Demo: seeded {} of {} invented creators over the week before {}", added, CREATORS, today);
  }

  private static long addedBy(List<ImportOutcome> outcomes) {
    return outcomes.stream().filter(o -> o.status() == ImportOutcome.Status.ADDED).count();
  }

  /** The active days in the order they come from today on. */
  private static List<CycleDay> weekFrom(Rescrape rescrape, LocalDate today) {
    List<CycleDay> days = new ArrayList<>();
    for (int ahead = 0; ahead < rescrape.policy().cycle().lengthInDays(); ahead++) {
      CycleDay day = rescrape.policy().cycle().dayOf(today.plusDays(ahead));
      if (rescrape.policy().isActive(day)) {
        days.add(day);
      }
    }
    return days;
  }

  /**
   * Spreads creators over the active days in that order, giving the extra creators of an uneven
   * split to the third day and after: the reference shape, 292 on Wednesday and Thursday.
   */
  private static CycleDay dayOf(int index, List<CycleDay> activeDays) {
    int perDay = CREATORS / activeDays.size();
    int extra = CREATORS % activeDays.size();
    int position = 0;
    int bound = 0;
    for (CycleDay day : activeDays) {
      bound += perDay + (position >= 2 && position < 2 + extra ? 1 : 0);
      if (index < bound) {
        return day;
      }
      position++;
    }
    return activeDays.get(activeDays.size() - 1);
  }

  private static Instant lastScrape(Rescrape rescrape, LocalDate today, CycleDay day) {
    LocalDate date = rescrape.policy().cycle().nextOnOrAfter(today.minusDays(7), day);
    if (!date.isBefore(today)) {
      date = date.minusDays(rescrape.policy().cycle().lengthInDays());
    }
    return rescrape.policy().triggerInstant(date).plusSeconds(600);
  }

  private static NewCreator creator(int index, Instant lastScrape) {
    return new NewCreator(platformOf(index), handleOf(index), lastScrape);
  }

  private static Platform platformOf(int index) {
    return index % 2 == 0 ? Platform.INSTAGRAM : Platform.TIKTOK;
  }

  private static Handle handleOf(int index) {
    String handle =
        NAMES[index % NAMES.length]
            + "."
            + TOPICS[(index / NAMES.length) % TOPICS.length]
            + "."
            + index;
    return Handle.of(platformOf(index), handle);
  }
}
