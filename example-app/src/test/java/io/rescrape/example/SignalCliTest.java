package io.rescrape.example;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping the CLI with SIGTERM, in a real second process, leaves a resumable job. */
class SignalCliTest {

  private static final Pattern SOME_RESULTS = Pattern.compile("\\] [1-9][0-9]*/292 ");

  @TempDir Path dataDir;

  @Test
  void should_leave_an_interrupted_job_with_its_results_written_on_sigterm() throws Exception {
    Path output = dataDir.resolve("out.txt");
    Process process = runDailyInAnotherProcess(output);
    // Scrapes in flight when the signal comes are finished and written before the process exits.
    // The signal waits for a progress line with results (a pipe gets one every 5 s): sent at
    // "started", it could come before the first claim and leave nothing written to check.
    await().atMost(60, SECONDS).until(() -> SOME_RESULTS.matcher(printed(output)).find());

    process.destroy();
    boolean exited = process.waitFor(60, SECONDS);

    assertThat(exited).isTrue();
    assertThat(process.exitValue()).isEqualTo(143);
    assertThat(printed(output)).contains("Job 1 INTERRUPTED").contains("rescrape resume 1");
    JsonNode job = new ObjectMapper().readTree(new Cli(dataDir).run("jobs", "--json").out()).get(0);
    assertThat(job.get("status").asText()).isEqualTo("INTERRUPTED");
    assertThat(job.get("succeeded").asLong() + job.get("failed").asLong()).isPositive();
    assertThat(job.get("pending").asLong()).isPositive();
    assertThat(new Cli(dataDir).demo("resume", "1").out()).contains("Job 1 COMPLETED");
  }

  private Process runDailyInAnotherProcess(Path output) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        List.of(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            RescrapeApp.class.getName(),
            "run-daily",
            "--demo",
            "--demo-latency",
            "300ms",
            "--workers",
            "2",
            "--now",
            Cli.WEDNESDAY_NINE,
            "--data-dir",
            dataDir.toString());
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .start();
  }

  private static String printed(Path output) throws IOException {
    return Files.exists(output) ? Files.readString(output) : "";
  }
}
