/**
 * The services that apply the schedule: planning a day ({@link
 * io.rescrape.core.service.DailyPlanner}), the 09:00 trigger ({@link
 * io.rescrape.core.service.DailyTrigger}), running jobs ({@link
 * io.rescrape.core.service.JobRunner}, {@link io.rescrape.core.service.JobWorker}), resuming and
 * retrying them ({@link io.rescrape.core.service.JobControl}), importing creators ({@link
 * io.rescrape.core.service.CreatorRegistry}), rebalancing ({@link
 * io.rescrape.core.service.Rebalancer}) and reporting ({@link
 * io.rescrape.core.service.ScheduleReporter}).
 */
@NullMarked
package io.rescrape.core.service;

import org.jspecify.annotations.NullMarked;
