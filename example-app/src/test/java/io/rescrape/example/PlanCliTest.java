package io.rescrape.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCliTest {

  @TempDir Path dataDir;

  @Test
  void should_show_the_reference_schedule_on_the_tuesday_before() throws Exception {
    Cli.Result result =
        new Cli(dataDir)
            .run(
                "plan", "--demo", "--demo-latency", "0", "--now", "2025-08-26T12:00:00Z", "--json");

    JsonNode plan = new ObjectMapper().readTree(result.out());
    assertThat(result.exitCode()).isZero();
    assertThat(plan.get("perDay").get("Wed").asLong()).isEqualTo(292);
    assertThat(plan.get("perDay").get("Thu").asLong()).isEqualTo(292);
    assertThat(plan.get("perDay").get("Fri").asLong()).isEqualTo(293);
    assertThat(plan.get("perDay").get("Sat").asLong()).isEqualTo(293);
    assertThat(plan.get("perDay").get("Sun").asLong()).isEqualTo(293);
    assertThat(plan.get("perDay").get("Mon").asLong()).isEqualTo(292);
    assertThat(plan.get("perDay").get("Tue").asLong()).isZero();
    assertThat(plan.get("restDays").get(0).asText()).isEqualTo("Tue");
    assertThat(plan.get("total").asLong()).isEqualTo(1_755);
    assertThat(plan.get("dailyAverage").asDouble()).isEqualTo(292.5);
    assertThat(plan.get("dueToday").asLong()).isZero();
    assertThat(plan.get("dueTomorrow").asLong()).isEqualTo(292);
  }

  @Test
  void should_print_a_table_for_people() {
    Cli.Result result =
        new Cli(dataDir)
            .run("plan", "--demo", "--demo-latency", "0", "--now", "2025-08-26T12:00:00Z");

    assertThat(result.out())
        .contains("Tue         0  (rest day)")
        .contains("Total   1,755")
        .contains("Due tomorrow:  292");
  }
}
