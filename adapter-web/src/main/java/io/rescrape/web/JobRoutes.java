package io.rescrape.web;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import io.rescrape.core.Rescrape;
import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.DailyJobCreation;
import io.rescrape.core.domain.JobId;
import io.rescrape.core.domain.JobStateException;
import io.rescrape.core.domain.JobStatus;
import io.rescrape.web.JobViews.FailureView;
import io.rescrape.web.JobViews.JobView;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The daily jobs: list, look at, create, resume, retry and cancel. */
final class JobRoutes {

  /** How far back {@code schedule-daily} accepts a date: one weekly cycle. */
  static final int DAYS_BACK = 6;

  /** The body of {@code POST /rescraping/schedule-daily}; every field optional. */
  record ScheduleDailyRequest(@Nullable String date) {
    static final ScheduleDailyRequest TODAY = new ScheduleDailyRequest(null);
  }

  private final Rescrape rescrape;
  private final JobViews views;
  private final Requests requests;
  private final ChangeLog changes;

  JobRoutes(Rescrape rescrape, Requests requests, ChangeLog changes) {
    this.rescrape = rescrape;
    this.views = new JobViews(rescrape);
    this.requests = requests;
    this.changes = changes;
  }

  void register(JavalinDefaultRouting router) {
    Reads.get(router, "/rescraping/jobs", this::list);
    Reads.get(router, "/rescraping/jobs/{id}", this::show);
    Reads.get(router, "/rescraping/jobs/{id}/failures", this::failures);
    router.post("/rescraping/schedule-daily", this::scheduleDaily);
    router.post("/rescraping/jobs/{id}/resume", this::resume);
    router.post("/rescraping/jobs/{id}/retry-failed", this::retryFailed);
    router.post("/rescraping/jobs/{id}/cancel", this::cancel);
  }

  JobViews views() {
    return views;
  }

  private void list(Context ctx) {
    int limit = Requests.intQuery(ctx, "limit", 20, 1, 200);
    List<JobView> jobs = rescrape.jobs().recent(limit).stream().map(views::view).toList();
    ctx.json(Map.of("jobs", jobs));
  }

  private void show(Context ctx) {
    ctx.json(views.detail(job(ctx)));
  }

  private void failures(Context ctx) {
    DailyJob job = job(ctx);
    int offset = Requests.intQuery(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    int limit = Requests.intQuery(ctx, "limit", 50, 1, 500);
    long total =
        rescrape.jobs().failureCounts(job.id()).values().stream().mapToLong(Long::longValue).sum();
    List<FailureView> failures =
        rescrape.jobs().failures(job.id(), offset, limit).stream().map(FailureView::of).toList();
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("jobId", job.id().value());
    page.put("offset", offset);
    page.put("limit", limit);
    page.put("total", total);
    page.put("failures", failures);
    ctx.json(page);
  }

  private void scheduleDaily(Context ctx) {
    ScheduleDailyRequest request =
        requests.body(ctx, ScheduleDailyRequest.class, ScheduleDailyRequest.TODAY);
    LocalDate date = dateOf(request);

    DailyJobCreation creation = rescrape.planner().planDay(date);

    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("created", creation.created());
    if (creation.isNothingDue()) {
      changes.changed(ctx, "schedule-daily %s: nothing due, no job created", date);
      answer.put("job", null);
      answer.put("date", date);
      answer.put("message", "no creator is due on " + date + "; no job was created");
      ctx.json(answer);
      return;
    }
    DailyJob job = creation.job();
    changes.changed(
        ctx,
        "schedule-daily %s: %s job %d (%s)",
        date,
        creation.created() ? "created" : "returned the existing",
        job.id().value(),
        job.status());
    rescrape.wakeWorker();
    answer.put("job", views.view(job));
    ctx.status(creation.created() ? 201 : 200).json(answer);
  }

  private void resume(Context ctx) {
    requests.noBody(ctx);
    DailyJob job = job(ctx);
    if (job.status().isTerminal()) {
      throw new JobStateException(
          "job " + job.id() + " is " + job.status() + "; there is nothing to resume");
    }
    boolean heldByLiveInstance =
        job.status() == JobStatus.RUNNING && !job.isAbandonedAt(rescrape.clock().instant());
    if (heldByLiveInstance) {
      throw new JobStateException(
          "job "
              + job.id()
              + " is running on instance "
              + job.lease().owner()
              + " (lease until "
              + job.lease().until()
              + "); it resumes by itself if that instance stops");
    }
    changes.changed(ctx, "resume job %d (was %s)", job.id().value(), job.status());
    rescrape.wakeWorker();
    ctx.status(202).json(Map.of("job", views.view(job)));
  }

  private void retryFailed(Context ctx) {
    requests.noBody(ctx);
    JobId id = jobId(ctx);
    long reopened = rescrape.jobs().retryFailed(id);
    changes.changed(ctx, "retry-failed job %d: %d failed creators reopened", id.value(), reopened);
    if (reopened > 0) {
      rescrape.wakeWorker();
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("reopened", reopened);
    answer.put("job", views.view(rescrape.jobs().get(id)));
    ctx.json(answer);
  }

  private void cancel(Context ctx) {
    requests.noBody(ctx);
    JobId id = jobId(ctx);
    DailyJob cancelled = rescrape.jobs().cancel(id);
    changes.changed(ctx, "cancel job %d", id.value());
    ctx.json(Map.of("job", views.view(cancelled)));
  }

  private DailyJob job(Context ctx) {
    return rescrape.jobs().get(jobId(ctx));
  }

  private static JobId jobId(Context ctx) {
    return new JobId(Requests.idPath(ctx, "id"));
  }

  private LocalDate dateOf(ScheduleDailyRequest request) {
    LocalDate today = rescrape.policy().dateOf(rescrape.clock().instant());
    if (request.date() == null) {
      return today;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(request.date());
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          "date", "expected a date such as " + today + ", got " + Requests.quote(request.date()));
    }
    if (date.isAfter(today)) {
      throw ApiException.badRequest(
          "date",
          "must not be after today, "
              + today
              + ", got "
              + date
              + ": a later date would pull creators forward before their day");
    }
    if (date.isBefore(today.minusDays(DAYS_BACK))) {
      throw ApiException.badRequest(
          "date",
          "must not be before "
              + today.minusDays(DAYS_BACK)
              + ", got "
              + date
              + ": older dates' creators are overdue and join today's job");
    }
    return date;
  }
}
