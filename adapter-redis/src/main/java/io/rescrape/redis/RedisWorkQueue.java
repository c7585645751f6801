package io.rescrape.redis;

import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.ItemResult;
import io.rescrape.core.domain.JobId;
import io.rescrape.core.domain.Lease;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.WorkItem;
import io.rescrape.core.port.LedgerWorkQueue;
import io.rescrape.core.port.WorkQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * A {@link WorkQueue} that hands out a job's items through Redis lists, in front of the database's
 * item ledger. Redis is an accelerator, the ledger the truth:
 *
 * <ul>
 *   <li>Opening a job copies its pending items into one list per platform, in pipelined batches,
 *       once for all instances.
 *   <li>A claim pops candidates from the list and leases them in the ledger, which hands out only
 *       those still claimable. An item can therefore never go to two workers, whatever path or
 *       instance asked for it, and a stale entry in Redis is simply dropped.
 *   <li>When the list is empty, or Redis cannot be reached, claims go to the ledger directly. So
 *       retries whose time has come, items whose worker died (a lapsed lease) and items Redis lost
 *       are all still handed out, and a Redis outage slows dispatch down without stopping it. The
 *       outage is logged once as a warning; Redis is tried again every probe interval, and the
 *       job's pending items are copied again if Redis lost them.
 *   <li>Items whose worker died were popped long ago. A few times per lease, a claim looks for
 *       lapsed leases in the ledger and hands those items out first, so they come back about a
 *       lease after the crash rather than at the end of the job.
 * </ul>
 *
 * <p>Live counters of done, failed, skipped and retried items are kept per job. Every key expires a
 * retention after the job's last activity. Thread-safe.
 */
public final class RedisWorkQueue implements WorkQueue, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RedisWorkQueue.class);
  private static final int LAPSED_CHECKS_PER_LEASE = 3;

  private record LapsedCheck(JobId job, Platform platform) {}

  private final LedgerWorkQueue ledger;
  private final RedisLink link;
  private final boolean ownsLink;
  private final RedisSettings settings;
  private final RedisKeys keys;
  private final RedisClient redis;
  private final Map<JobId, DailyJob> openJobs = new ConcurrentHashMap<>();
  private final Map<LapsedCheck, Instant> nextLapsedCheck = new ConcurrentHashMap<>();

  /**
   * A queue in front of a ledger, with a Redis connection of its own. Creating it does not connect;
   * the first use does.
   *
   * @param ledger the database's ledger queue, the truth and the fallback
   * @param settings where Redis is and how to use it
   * @param clock judges when to try an unreachable Redis again
   */
  public RedisWorkQueue(LedgerWorkQueue ledger, RedisSettings settings, Clock clock) {
    this(ledger, new RedisLink(settings, clock), true);
  }

  /**
   * A queue in front of a ledger, on a link it shares, such as with a {@link RedisPlatformGate}.
   * Closing the queue leaves the link open.
   *
   * @param ledger the database's ledger queue, the truth and the fallback
   * @param link the connection to Redis
   */
  public RedisWorkQueue(LedgerWorkQueue ledger, RedisLink link) {
    this(ledger, link, false);
  }

  private RedisWorkQueue(LedgerWorkQueue ledger, RedisLink link, boolean ownsLink) {
    this.ledger = ledger;
    this.link = link;
    this.ownsLink = ownsLink;
    this.settings = link.settings();
    this.keys = new RedisKeys(settings.keyPrefix());
    this.redis = link.client();
    // Copies again the items of the jobs still open here, if Redis lost them.
    link.onReconnect(() -> openJobs.values().forEach(this::copyPendingOnce));
  }

  @Override
  public void open(DailyJob job) {
    openJobs.put(job.id(), job);
    ledger.open(job);
    if (isUsable()) {
      copyPendingOnce(job);
    }
  }

  @Override
  public List<WorkItem> claim(JobId job, Platform platform, int max, Lease lease, Instant now) {
    List<WorkItem> returned = claimLapsed(job, platform, max, lease, now);
    if (!returned.isEmpty()) {
      return returned;
    }
    if (isUsable()) {
      try {
        List<CreatorId> candidates = pop(job, platform, max);
        if (!candidates.isEmpty()) {
          List<WorkItem> claimed = ledger.claim(job, platform, candidates, lease, now);
          if (!claimed.isEmpty()) {
            return claimed;
          }
        }
      } catch (JedisException e) {
        markDown(e);
      }
    }
    return ledger.claim(job, platform, max, lease, now);
  }

  /**
   * Items of a worker that died were popped from Redis long ago; left to the ledger fallback, they
   * would wait for the list to run dry. So, a few times per lease, claims look for lapsed leases in
   * the ledger first.
   */
  private List<WorkItem> claimLapsed(
      JobId job, Platform platform, int max, Lease lease, Instant now) {
    LapsedCheck key = new LapsedCheck(job, platform);
    Instant due = nextLapsedCheck.getOrDefault(key, Instant.MIN);
    if (now.isBefore(due)) {
      return List.of();
    }
    Duration leaseLength = Duration.between(now, lease.until());
    nextLapsedCheck.put(key, now.plus(leaseLength.dividedBy(LAPSED_CHECKS_PER_LEASE)));
    List<CreatorId> lapsed = ledger.lapsed(job, platform, now, max);
    if (lapsed.isEmpty()) {
      return List.of();
    }
    List<WorkItem> claimed = ledger.claim(job, platform, lapsed, lease, now);
    if (!claimed.isEmpty()) {
      log.info(
          "Job {}: {} {} items of a worker that stopped renewing its lease are handed out again",
          job,
          claimed.size(),
          platform);
    }
    return claimed;
  }

  @Override
  public int release(JobId job, String owner) {
    // Released items are pending in the ledger; claims find them there once the list runs dry.
    // This instance leaves the job: nothing of it to copy again after an outage, or to check.
    openJobs.remove(job);
    nextLapsedCheck.keySet().removeIf(check -> check.job().equals(job));
    return ledger.release(job, owner);
  }

  @Override
  public void acknowledge(JobId job, List<ItemResult> results) {
    if (!isUsable() || results.isEmpty()) {
      return;
    }
    try (AbstractPipeline pipeline = redis.pipelined()) {
      String counters = keys.counters(job);
      for (Map.Entry<String, Long> count : counts(results).entrySet()) {
        pipeline.hincrBy(counters, count.getKey(), count.getValue());
      }
      pipeline.expire(counters, settings.retention().toSeconds());
      pipeline.sync();
    } catch (JedisException e) {
      markDown(e);
    }
  }

  /**
   * A job's live counters as Redis keeps them: {@code done}, {@code failed}, {@code skipped},
   * {@code retried}. Empty when Redis is unreachable or has none.
   *
   * @param job the job
   * @return counter name to value
   */
  public Map<String, Long> counters(JobId job) {
    if (!isUsable()) {
      return Map.of();
    }
    try {
      Map<String, Long> counters = new TreeMap<>();
      redis.hgetAll(keys.counters(job)).forEach((k, v) -> counters.put(k, Long.parseLong(v)));
      return counters;
    } catch (JedisException e) {
      markDown(e);
      return Map.of();
    }
  }

  /**
   * Whether Redis answers, for a health report; see {@link RedisLink#health()}.
   *
   * @return the state, with since when and why it is unreachable
   */
  public RedisHealth health() {
    return link.health();
  }

  @Override
  public void close() {
    if (ownsLink) {
      link.close();
    }
  }

  private void copyPendingOnce(DailyJob job) {
    try {
      String stamp = stampOf(job);
      removeKeysOfAnotherJob(job.id(), stamp);
      SetParams once = SetParams.setParams().nx().ex(settings.retention().toSeconds());
      if (!"OK".equals(redis.set(keys.opened(job.id()), stamp, once))) {
        return; // another instance copies, or copied, this job's items
      }
      long copied = 0;
      for (Platform platform : Platform.values()) {
        copied += copyPending(job.id(), platform);
      }
      log.info("Job {}: {} pending items copied to Redis for dispatch", job.id(), copied);
    } catch (JedisException e) {
      markDown(e);
    }
  }

  /**
   * Job ids restart in a new database: keys left by a job of the same id but another creation time
   * belong to another database's job and would hide this one's items.
   */
  private void removeKeysOfAnotherJob(JobId job, String stamp) {
    String found = redis.get(keys.opened(job));
    if (found == null || found.equals(stamp)) {
      return;
    }
    List<String> stale = new ArrayList<>(List.of(keys.opened(job), keys.counters(job)));
    for (Platform platform : Platform.values()) {
      stale.add(keys.pending(job, platform));
    }
    redis.del(stale.toArray(String[]::new));
    log.info(
        "Job {}: removed Redis keys left by a job of the same id opened as {}, from another"
            + " database; give each database its own key prefix",
        job,
        found);
  }

  private static String stampOf(DailyJob job) {
    return job.date() + "@" + job.createdAt();
  }

  private long copyPending(JobId job, Platform platform) {
    String list = keys.pending(job, platform);
    long copied = 0;
    CreatorId after = null;
    while (true) {
      List<CreatorId> page = ledger.pending(job, platform, after, settings.batchSize());
      if (page.isEmpty()) {
        return copied;
      }
      try (AbstractPipeline pipeline = redis.pipelined()) {
        pipeline.rpush(list, page.stream().map(CreatorId::toString).toArray(String[]::new));
        pipeline.expire(list, settings.retention().toSeconds());
        pipeline.sync();
      }
      copied += page.size();
      after = page.get(page.size() - 1);
    }
  }

  private List<CreatorId> pop(JobId job, Platform platform, int max) {
    List<String> popped = redis.lpop(keys.pending(job, platform), max);
    if (popped == null) {
      return List.of();
    }
    return popped.stream().map(id -> new CreatorId(Long.parseLong(id))).toList();
  }

  private boolean isUsable() {
    return link.isUsable();
  }

  private void markDown(JedisException e) {
    link.markDown(e);
  }

  private static Map<String, Long> counts(List<ItemResult> results) {
    Map<String, Long> counts = new TreeMap<>();
    for (ItemResult result : results) {
      String name =
          switch (result.status()) {
            case DONE -> "done";
            case FAILED -> "failed";
            case SKIPPED -> "skipped";
            default -> result.refundAttempt() ? "deferred" : "retried";
          };
      counts.merge(name, 1L, Long::sum);
    }
    return counts;
  }
}
