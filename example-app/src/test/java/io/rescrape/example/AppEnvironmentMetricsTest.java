package io.rescrape.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.rescrape.core.service.RunReport;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The meters the environment registers, as the HTTP layer will serve them. */
class AppEnvironmentMetricsTest {

  private static final URI NOWHERE = URI.create("http://127.0.0.1:9");

  @TempDir Path dataDir;

  @Test
  void should_register_rescrape_and_jvm_meters_in_its_prometheus_registry() {
    try (AppEnvironment environment = AppEnvironment.open(demoSettings())) {
      RunReport report = environment.rescrape().runDaily(LocalDate.of(2025, 8, 27)).orElseThrow();

      String scrape = environment.meterRegistry().scrape();

      assertThat(report.progress().done()).isPositive();
      assertThat(scrape)
          .contains(
              "rescrape_items_processed_total{outcome=\"OK\",platform=\"instagram\"}",
              "rescrape_jobs{status=\"COMPLETED\"} 1.0",
              "rescrape_queue_depth 0.0",
              "rescrape_platform_paused{platform=\"tiktok\"} 0.0",
              "jvm_memory_used_bytes",
              "jvm_threads_live_threads",
              "process_uptime_seconds",
              "system_cpu_count");
      assertThat(scrape)
          .doesNotContain(
              "rescrape_items_processed_total{outcome=\"OK\",platform=\"instagram\"} 0.0");
    }
  }

  private AppEnvironment.Settings demoSettings() {
    return new AppEnvironment.Settings(
        dataDir,
        null,
        Instant.parse("2025-08-27T09:00:00Z"),
        true,
        Duration.ZERO,
        4,
        NOWHERE,
        NOWHERE,
        null,
        Duration.ofSeconds(30),
        false);
  }
}
