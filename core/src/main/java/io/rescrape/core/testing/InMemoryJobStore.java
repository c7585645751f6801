package io.rescrape.core.testing;

import io.rescrape.core.domain.Creator;
import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.DailyJobCreation;
import io.rescrape.core.domain.ItemFailure;
import io.rescrape.core.domain.ItemResult;
import io.rescrape.core.domain.ItemStatus;
import io.rescrape.core.domain.JobId;
import io.rescrape.core.domain.JobProgress;
import io.rescrape.core.domain.JobStatus;
import io.rescrape.core.domain.Lease;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.ScrapeOutcome;
import io.rescrape.core.domain.WorkItem;
import io.rescrape.core.port.JobStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A {@link JobStore} with its item ledger in memory, for tests and demos. It reads creators from an
 * {@link InMemoryCreatorStore} and backs an {@link InMemoryWorkQueue}. Thread-safe.
 */
public final class InMemoryJobStore implements JobStore {

  private final InMemoryCreatorStore creators;
  private final TreeMap<Long, JobRow> jobs = new TreeMap<>();
  private final Map<LocalDate, Long> jobByDate = new HashMap<>();
  private final Map<Long, TreeMap<Long, ItemRow>> items = new HashMap<>();
  private long lastId;

  /**
   * An empty job store.
   *
   * @param creators the creators its jobs are planned from and its items read
   */
  public InMemoryJobStore(InMemoryCreatorStore creators) {
    this.creators = creators;
  }

  @Override
  public synchronized DailyJobCreation createDailyJob(LocalDate date, Instant now) {
    Long existing = jobByDate.get(date);
    if (existing != null) {
      return DailyJobCreation.existing(jobs.get(existing).toJob());
    }
    List<Creator> due = creators.dueOn(date);
    if (due.isEmpty()) {
      return DailyJobCreation.nothingDue(date);
    }
    JobRow job = new JobRow(++lastId, date, due.size(), now);
    TreeMap<Long, ItemRow> ledger = new TreeMap<>();
    for (Creator creator : due) {
      ledger.put(creator.id().value(), new ItemRow(creator.id(), creator.platform()));
    }
    jobs.put(job.id, job);
    jobByDate.put(date, job.id);
    items.put(job.id, ledger);
    return DailyJobCreation.created(job.toJob());
  }

  @Override
  public synchronized Optional<DailyJob> find(JobId id) {
    return row(id).map(JobRow::toJob);
  }

  @Override
  public synchronized Optional<DailyJob> findByDate(LocalDate date) {
    Long id = jobByDate.get(date);
    return id == null ? Optional.empty() : Optional.of(jobs.get(id).toJob());
  }

  @Override
  public synchronized List<DailyJob> recent(int limit) {
    return jobs.values().stream()
        .sorted(Comparator.comparing((JobRow row) -> row.date).reversed())
        .limit(limit)
        .map(JobRow::toJob)
        .toList();
  }

  @Override
  public synchronized List<DailyJob> runnable(Instant now) {
    return jobs.values().stream()
        .filter(row -> row.isRunnable(now))
        .sorted(Comparator.comparing((JobRow row) -> row.date).thenComparing(row -> row.id))
        .map(JobRow::toJob)
        .toList();
  }

  @Override
  public synchronized Map<JobStatus, Long> countByStatus() {
    Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
    for (JobStatus status : JobStatus.values()) {
      counts.put(status, 0L);
    }
    jobs.values().forEach(row -> counts.merge(row.status, 1L, Long::sum));
    return counts;
  }

  @Override
  public synchronized Optional<DailyJob> running() {
    return jobs.values().stream()
        .filter(row -> row.status == JobStatus.RUNNING)
        .findFirst()
        .map(JobRow::toJob);
  }

  @Override
  public synchronized StartOutcome start(JobId id, Lease lease, Instant now) {
    JobRow job = jobs.get(id.value());
    if (job == null) {
      return StartOutcome.NOT_STARTABLE;
    }
    boolean takeover = job.status == JobStatus.RUNNING && job.lease.isLapsedAt(now);
    if (!job.status.isStartable() && !takeover) {
      return StartOutcome.NOT_STARTABLE;
    }
    boolean otherRunning =
        jobs.values().stream().anyMatch(row -> row != job && row.status == JobStatus.RUNNING);
    if (otherRunning) {
      return StartOutcome.BLOCKED;
    }
    job.status = JobStatus.RUNNING;
    job.lease = lease;
    job.startedAt = job.startedAt == null ? now : job.startedAt;
    return StartOutcome.STARTED;
  }

  @Override
  public synchronized boolean renewLease(JobId id, Lease lease) {
    JobRow job = jobs.get(id.value());
    if (job == null || !job.isRunningFor(lease.owner())) {
      return false;
    }
    job.lease = lease;
    return true;
  }

  @Override
  public synchronized int renewItemLeases(JobId id, Lease lease) {
    int renewed = 0;
    for (ItemRow item : ledger(id).values()) {
      if (item.isHeldBy(lease.owner())) {
        item.lease = lease;
        renewed++;
      }
    }
    return renewed;
  }

  @Override
  public synchronized boolean finish(JobId id, String owner, JobStatus status, Instant now) {
    JobRow job = jobs.get(id.value());
    if (job == null || !job.isRunningFor(owner)) {
      return false;
    }
    job.status = status;
    job.lease = null;
    job.finishedAt = now;
    return true;
  }

  @Override
  public synchronized boolean markQueued(JobId id) {
    JobRow job = jobs.get(id.value());
    if (job == null || (job.status != JobStatus.PENDING && job.status != JobStatus.INTERRUPTED)) {
      return false;
    }
    job.status = JobStatus.QUEUED;
    return true;
  }

  @Override
  public synchronized boolean cancel(JobId id, Instant now) {
    JobRow job = jobs.get(id.value());
    if (job == null || job.status.isTerminal()) {
      return false;
    }
    job.status = JobStatus.CANCELLED;
    job.lease = null;
    job.finishedAt = now;
    return true;
  }

  @Override
  public synchronized long retryFailed(JobId id, Instant now) {
    JobRow job = jobs.get(id.value());
    if (job == null || job.status == JobStatus.RUNNING || job.status == JobStatus.CANCELLED) {
      return 0;
    }
    long reopened = 0;
    for (ItemRow item : ledger(id).values()) {
      boolean removed = creators.get(item.creatorId).map(Creator::isRemoved).orElse(false);
      if (item.status == ItemStatus.FAILED && !removed) {
        item.reopen();
        reopened++;
      }
    }
    if (reopened > 0) {
      job.status = JobStatus.PENDING;
      job.finishedAt = null;
    }
    return reopened;
  }

  @Override
  public synchronized long skipPending(CreatorId creator, String message, Instant now) {
    long skipped = 0;
    for (JobRow job : jobs.values()) {
      ItemRow item = ledger(new JobId(job.id)).get(creator.value());
      if (!job.status.isTerminal() && item != null && item.status == ItemStatus.PENDING) {
        item.apply(ItemResult.skipped(creator, message), "", now);
        skipped++;
      }
    }
    return skipped;
  }

  @Override
  public synchronized void record(JobId id, List<ItemResult> results, String owner, Instant now) {
    TreeMap<Long, ItemRow> ledger = ledger(id);
    for (ItemResult result : results) {
      ItemRow item = ledger.get(result.creatorId().value());
      if (item != null) {
        item.apply(result, owner, now);
      }
    }
  }

  @Override
  public synchronized JobProgress progress(JobId id) {
    return progressByPlatform(id).values().stream().reduce(JobProgress.EMPTY, JobProgress::plus);
  }

  @Override
  public synchronized Map<Platform, JobProgress> progressByPlatform(JobId id) {
    Map<Platform, Map<ItemStatus, Long>> counts = new EnumMap<>(Platform.class);
    for (ItemRow item : ledger(id).values()) {
      counts
          .computeIfAbsent(item.platform, p -> new EnumMap<>(ItemStatus.class))
          .merge(item.status, 1L, Long::sum);
    }
    Map<Platform, JobProgress> progress = new EnumMap<>(Platform.class);
    counts.forEach((platform, byStatus) -> progress.put(platform, JobProgress.of(byStatus)));
    return progress;
  }

  @Override
  public synchronized Map<ScrapeOutcome, Long> failureCounts(JobId id) {
    Map<ScrapeOutcome, Long> counts = new EnumMap<>(ScrapeOutcome.class);
    for (ItemRow item : ledger(id).values()) {
      if (item.status == ItemStatus.FAILED) {
        counts.merge(item.outcome, 1L, Long::sum);
      }
    }
    return counts;
  }

  @Override
  public synchronized List<ItemFailure> failures(JobId id, int offset, int limit) {
    List<ItemFailure> failures = new ArrayList<>();
    int skipped = 0;
    for (ItemRow item : ledger(id).values()) {
      if (item.status != ItemStatus.FAILED) {
        continue;
      }
      if (skipped++ < offset) {
        continue;
      }
      if (failures.size() >= limit) {
        break;
      }
      Creator creator = creators.get(item.creatorId).orElseThrow();
      failures.add(
          new ItemFailure(
              item.creatorId,
              item.platform,
              creator.handle(),
              creator.displayHandle(),
              item.outcome,
              item.message,
              item.attempts,
              item.finishedAt));
    }
    return failures;
  }

  /** Leases items for {@link InMemoryWorkQueue#claim}; only a RUNNING job hands out work. */
  synchronized List<WorkItem> claim(
      JobId id, Platform platform, int max, Lease lease, Instant now) {
    return claimWhere(id, platform, max, lease, now, item -> true);
  }

  /** Leases those of {@code candidates} that are claimable, for {@link InMemoryWorkQueue}. */
  synchronized List<WorkItem> claim(
      JobId id, Platform platform, List<CreatorId> candidates, Lease lease, Instant now) {
    Set<CreatorId> wanted = new HashSet<>(candidates);
    return claimWhere(
        id, platform, wanted.size(), lease, now, item -> wanted.contains(item.creatorId));
  }

  /** Pending items of a platform after {@code after}, for {@link InMemoryWorkQueue#pending}. */
  synchronized List<CreatorId> pending(
      JobId id, Platform platform, @Nullable CreatorId after, int limit) {
    long from = after == null ? Long.MIN_VALUE : after.value();
    return ledger(id).tailMap(from, false).values().stream()
        .filter(item -> item.platform == platform && item.status == ItemStatus.PENDING)
        .limit(limit)
        .map(item -> item.creatorId)
        .toList();
  }

  /** In-progress items under a lapsed lease, for {@link InMemoryWorkQueue#lapsed}. */
  synchronized List<CreatorId> lapsed(JobId id, Platform platform, Instant now, int limit) {
    return ledger(id).values().stream()
        .filter(item -> item.platform == platform && item.status == ItemStatus.IN_PROGRESS)
        .filter(item -> item.lease.isLapsedAt(now))
        .limit(limit)
        .map(item -> item.creatorId)
        .toList();
  }

  private List<WorkItem> claimWhere(
      JobId id, Platform platform, int max, Lease lease, Instant now, Predicate<ItemRow> wanted) {
    JobRow job = jobs.get(id.value());
    if (job == null || job.status != JobStatus.RUNNING) {
      return List.of();
    }
    List<WorkItem> claimed = new ArrayList<>();
    for (ItemRow item : ledger(id).values()) {
      if (claimed.size() >= max) {
        break;
      }
      if (item.platform != platform || !item.isClaimable(now) || !wanted.test(item)) {
        continue;
      }
      Optional<Creator> creator = creators.get(item.creatorId);
      if (creator.isEmpty()) {
        continue;
      }
      item.lease(lease);
      Creator c = creator.get();
      claimed.add(
          new WorkItem(
              id,
              c.id(),
              c.platform(),
              c.handle(),
              c.day(),
              c.nextDue(),
              item.attempts,
              item.outcome != null));
    }
    return claimed;
  }

  /** Returns what {@code owner} holds to pending for {@link InMemoryWorkQueue#release}. */
  synchronized int release(JobId id, String owner) {
    int released = 0;
    for (ItemRow item : ledger(id).values()) {
      if (item.isHeldBy(owner)) {
        item.releaseWithoutAttempt();
        released++;
      }
    }
    return released;
  }

  private Optional<JobRow> row(JobId id) {
    return Optional.ofNullable(jobs.get(id.value()));
  }

  private TreeMap<Long, ItemRow> ledger(JobId id) {
    return items.getOrDefault(id.value(), new TreeMap<>());
  }

  private static final class JobRow {
    final long id;
    final LocalDate date;
    final long total;
    final Instant createdAt;
    JobStatus status = JobStatus.PENDING;
    @Nullable Instant startedAt;
    @Nullable Instant finishedAt;
    @Nullable Lease lease;

    JobRow(long id, LocalDate date, long total, Instant createdAt) {
      this.id = id;
      this.date = date;
      this.total = total;
      this.createdAt = createdAt;
    }

    boolean isRunningFor(String owner) {
      return status == JobStatus.RUNNING && lease != null && lease.owner().equals(owner);
    }

    boolean isRunnable(Instant now) {
      return switch (status) {
        case PENDING, QUEUED, INTERRUPTED -> true;
        case RUNNING -> lease == null || lease.isLapsedAt(now);
        default -> false;
      };
    }

    DailyJob toJob() {
      return new DailyJob(
          new JobId(id), date, status, total, createdAt, startedAt, finishedAt, lease);
    }
  }

  private static final class ItemRow {
    final CreatorId creatorId;
    final Platform platform;
    ItemStatus status = ItemStatus.PENDING;
    int attempts;
    @Nullable Instant notBefore;
    @Nullable Lease lease;
    @Nullable ScrapeOutcome outcome;
    String message = "";
    @Nullable Instant finishedAt;

    ItemRow(CreatorId creatorId, Platform platform) {
      this.creatorId = creatorId;
      this.platform = platform;
    }

    boolean isClaimable(Instant now) {
      return switch (status) {
        case PENDING -> notBefore == null || !notBefore.isAfter(now);
        case IN_PROGRESS -> lease.isLapsedAt(now);
        default -> false;
      };
    }

    boolean isHeldBy(String owner) {
      return status == ItemStatus.IN_PROGRESS && lease.owner().equals(owner);
    }

    void lease(Lease newLease) {
      status = ItemStatus.IN_PROGRESS;
      lease = newLease;
      attempts++;
    }

    void releaseWithoutAttempt() {
      status = ItemStatus.PENDING;
      lease = null;
      attempts = Math.max(0, attempts - 1);
    }

    /** Pending again with fresh attempts; the last outcome stays, marking it tried before. */
    void reopen() {
      status = ItemStatus.PENDING;
      attempts = 0;
      notBefore = null;
      finishedAt = null;
    }

    void apply(ItemResult result, String owner, Instant now) {
      if (status.isFinal()) {
        return;
      }
      if (result.status().isFinal()) {
        status = result.status();
        finishedAt = now;
      } else if (isHeldBy(owner)) {
        status = ItemStatus.PENDING;
        notBefore = result.retryAt();
        attempts = result.refundAttempt() ? Math.max(0, attempts - 1) : attempts;
      } else {
        return;
      }
      lease = null;
      outcome = result.outcome();
      message = result.message();
    }
  }
}
