package io.rescrape.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rescrape.core.domain.DailyJob;
import io.rescrape.core.domain.JobStatus;
import io.rescrape.core.domain.Lease;
import io.rescrape.jdbc.JdbcStores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resume, retry-failed, rebalance and jobs, and how the CLI answers mistakes. */
class JobControlCliTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;

  @Test
  void should_resume_an_interrupted_job_to_completion() throws Exception {
    Cli cli = new Cli(dataDir);
    cli.demo("plan");
    DailyJob job = interruptedJobOfWednesday();

    Cli.Result result = cli.demo("resume", String.valueOf(job.id().value()));

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("Resuming job 1: Daily rescrape - 292 creators due");
    assertThat(result.out()).contains("Job 1 COMPLETED");
  }

  @Test
  void should_refuse_to_resume_a_job_that_is_completed_or_unknown() {
    Cli cli = new Cli(dataDir);
    cli.demo("run-daily");

    Cli.Result completed = cli.demo("resume", "1");
    Cli.Result unknown = cli.demo("resume", "42");
    Cli.Result garbage = cli.demo("resume", "1;drop");

    assertThat(completed.exitCode()).isEqualTo(2);
    assertThat(completed.err()).contains("error: job 1 is COMPLETED; there is nothing to resume");
    assertThat(unknown.err()).contains("error: job 42 does not exist");
    assertThat(garbage.err())
        .contains("error: invalid job id '1;drop': expected a positive number");
  }

  @Test
  void should_retry_exactly_the_failed_creators() throws Exception {
    Cli cli = new Cli(dataDir);
    cli.demo("run-daily");
    long failed = JSON.readTree(cli.run("jobs", "--json").out()).get(0).get("failed").asLong();

    Cli.Result result = cli.demo("retry-failed", "1");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("Job 1: " + failed + " failed creators reopened");
    assertThat(result.out()).contains(failed + " failed");
  }

  @Test
  void should_show_a_dry_run_and_then_level_the_days() throws Exception {
    Path csv = Files.createTempFile(dataDir, "crowd", ".csv");
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      rows.append("tiktok,crowd.").append(i).append(",2025-08-20T10:00:00Z\n");
    }
    Files.writeString(csv, rows, StandardCharsets.UTF_8);
    Cli cli = new Cli(dataDir);
    cli.run("import", csv.toString(), "--now", "2025-08-26T12:00:00Z");

    Cli.Result dryRun = cli.run("rebalance", "--dry-run", "--now", "2025-08-26T12:00:00Z");
    JsonNode unchanged = plan(cli);
    Cli.Result applied = cli.run("rebalance", "--now", "2025-08-26T12:00:00Z");
    JsonNode levelled = plan(cli);

    assertThat(dryRun.out()).contains("A rebalance would move 50 creators").contains("Dry run");
    assertThat(unchanged.get("perDay").get("Wed").asLong()).isEqualTo(60);
    assertThat(applied.out()).contains("Moved 50 creators");
    assertThat(levelled.get("perDay").get("Wed").asLong()).isEqualTo(10);
    assertThat(levelled.get("perDay").get("Mon").asLong()).isEqualTo(10);
  }

  @Test
  void should_answer_mistakes_with_a_message_and_a_usage_exit_code() {
    Cli cli = new Cli(dataDir);

    Cli.Result badInstant = cli.run("plan", "--now", "tomorrow");
    Cli.Result unknownCommand = cli.run("rescrape-everything");
    Cli.Result badLimit = cli.run("jobs", "--limit", "0");

    assertThat(badInstant.exitCode()).isEqualTo(2);
    assertThat(badInstant.err()).contains("'tomorrow' is not an instant");
    assertThat(unknownCommand.exitCode()).isEqualTo(2);
    assertThat(badLimit.err()).contains("--limit must be between 1 and 1000, got 0");
  }

  @Test
  void should_report_an_unreachable_database_without_a_stack_trace() {
    Cli.Result result =
        new Cli(dataDir)
            .run("jobs", "--db", "jdbc:postgresql://127.0.0.1:1/nothing?connectTimeout=2");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).startsWith("error: could not connect to the database");
    assertThat(result.err()).doesNotContain("\tat ");
  }

  @Test
  void should_not_show_a_database_password_given_in_the_url() {
    Cli.Result result =
        new Cli(dataDir)
            .run(
                "jobs",
                "--db",
                "jdbc:postgresql://app:S3cret@127.0.0.1:1/nothing?connectTimeout=2");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .startsWith("error: could not connect to the database jdbc:postgresql://***@127.0.0.1:1/")
        .doesNotContain("S3cret");
  }

  /** Job 1 as an instance that was stopped mid-way left it: some creators done, INTERRUPTED. */
  private DailyJob interruptedJobOfWednesday() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("rescrape"));
    JdbcStores stores = JdbcStores.migrateAndCreate(dataSource);
    Instant nine = Instant.parse(Cli.WEDNESDAY_NINE);
    DailyJob job = stores.jobs().createDailyJob(LocalDate.of(2025, 8, 27), nine).job();
    Lease lease = new Lease("stopped-instance", nine.plus(Duration.ofSeconds(30)));
    stores.jobs().start(job.id(), lease, nine);
    stores.jobs().finish(job.id(), "stopped-instance", JobStatus.INTERRUPTED, nine);
    return job;
  }

  private static JsonNode plan(Cli cli) throws Exception {
    return JSON.readTree(cli.run("plan", "--now", "2025-08-26T12:00:00Z", "--json").out());
  }
}
