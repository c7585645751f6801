package io.rescrape.web;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import io.rescrape.core.Rescrape;
import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.JobStatus;
import io.rescrape.core.domain.PlatformStatus;
import io.rescrape.core.domain.PlatformStatus.Circuit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /health}: the database, each configured component, the platforms' circuits and pauses,
 * the trigger, the running job and the last completed one. 200 with {@code UP}; 200 with {@code
 * DEGRADED} when a component is down or a platform's circuit is open; 503 with {@code DOWN} when
 * the database does not answer.
 */
final class HealthRoute {

  private static final int RECENT_JOBS = 30;

  private final Rescrape rescrape;
  private final Map<String, HealthCheck> components;

  HealthRoute(Rescrape rescrape, Map<String, HealthCheck> components) {
    this.rescrape = rescrape;
    this.components = Map.copyOf(components);
  }

  void register(JavalinDefaultRouting router) {
    Reads.get(router, "/health", this::health);
  }

  private void health(Context ctx) {
    Map<String, Object> report = report();
    ctx.status("DOWN".equals(report.get("status")) ? 503 : 200).json(report);
  }

  Map<String, Object> report() {
    Map<String, Object> report = new LinkedHashMap<>();
    String status = "UP";
    report.put("status", status);
    report.put("instance", rescrape.runner().instanceId());
    report.put("checkedAt", rescrape.clock().instant());
    try {
      report.put("runningJob", rescrape.jobs().running().map(this::job).orElse(null));
      report.put("lastCompletedJob", lastCompleted().map(this::job).orElse(null));
      report.put("database", Map.of("up", true));
    } catch (RuntimeException e) {
      status = "DOWN";
      report.put("database", Map.of("up", false, "error", String.valueOf(e.getMessage())));
    }
    for (Map.Entry<String, HealthCheck> component : components.entrySet()) {
      HealthCheck.Component health = component.getValue().check();
      report.put(component.getKey(), health == null ? null : health.details());
      if (health != null && !health.up() && status.equals("UP")) {
        status = "DEGRADED";
      }
    }
    List<PlatformStatus> platforms = rescrape.runner().platformStatuses();
    report.put("platforms", platforms.stream().map(HealthRoute::platform).toList());
    if (platforms.stream().anyMatch(p -> p.circuit() != Circuit.CLOSED) && status.equals("UP")) {
      status = "DEGRADED";
    }
    Map<String, Object> trigger = new LinkedHashMap<>();
    trigger.put("armed", rescrape.trigger().isArmed());
    trigger.put("nextFire", rescrape.trigger().nextFireTime());
    report.put("trigger", trigger);
    report.put("status", status);
    return report;
  }

  private static Map<String, Object> platform(PlatformStatus status) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("platform", status.platform().id());
    view.put("serving", status.isServing());
    view.put("circuit", status.circuit());
    view.put("failingSince", status.failingSince());
    view.put("pausedUntil", status.pausedUntil());
    view.put("reason", status.reason());
    return view;
  }

  private Optional<DailyJob> lastCompleted() {
    return rescrape.jobs().recent(RECENT_JOBS).stream()
        .filter(job -> job.status() == JobStatus.COMPLETED)
        .findFirst();
  }

  private Map<String, Object> job(DailyJob job) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", job.id().value());
    view.put("date", job.date());
    view.put("status", job.status());
    view.put("description", job.description());
    view.put("owner", job.lease() == null ? null : job.lease().owner());
    view.put("leaseUntil", job.lease() == null ? null : job.lease().until());
    view.put("finishedAt", job.finishedAt());
    return view;
  }
}
