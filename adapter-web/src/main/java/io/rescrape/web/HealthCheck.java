package io.rescrape.web;

import org.jspecify.annotations.Nullable;

/**
 * A dependency that {@code /health} reports beside the database, such as Redis.
 *
 * <p>A component that is down turns the status to {@code DEGRADED}: the service runs on without it.
 * The database is built in; when it is down the status is {@code DOWN}.
 */
@FunctionalInterface
public interface HealthCheck {

  /**
   * The component's state now. Called on every health request: keep it quick.
   *
   * @return whether it is up and what to show for it (serialised as JSON); null when the component
   *     is not configured, shown as {@code null}
   */
  @Nullable Component check();

  /**
   * A component's state.
   *
   * @param up whether it answers
   * @param details what {@code /health} shows for it, serialised as JSON
   */
  record Component(boolean up, Object details) {}
}
