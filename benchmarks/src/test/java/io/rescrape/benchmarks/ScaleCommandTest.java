package io.rescrape.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code scale} end to end at a small size: real instance JVMs, started from the test class path,
 * on the test PostgreSQL and Redis. The command runs once for the whole class; each test reads
 * another part of what it printed.
 */
class ScaleCommandTest {

  private static final int CREATORS = 2_000;

  private static final Pattern RESULT =
      Pattern.compile(
          "RESULT scale creators=2000 instances_1_per_s=(\\d+) instances_2_per_s=(\\d+)"
              + " speedup_2=(\\d+\\.\\d\\d)");

  private static final Pattern INSTANCE_END =
      Pattern.compile(
          "\\[instance \\d+] instance \\S+ scraped ([\\d,]+) creators; job \\d+ is (\\w+)");

  private static int exitCode;
  private static String output;

  @BeforeAll
  static void runScaleWithOneAndTwoInstances() {
    BenchmarkRun run =
        BenchmarkRun.of("scale", "--creators", Integer.toString(CREATORS), "--instances", "1,2");
    exitCode = run.exitCode();
    output = run.out() + run.err();
  }

  @Test
  void should_print_items_per_second_for_each_count_and_the_speedup_when_given_one_and_two() {
    Matcher result = RESULT.matcher(output);

    assertThat(exitCode).as(output).isZero();
    assertThat(result.find()).as(output).isTrue();
    double one = Double.parseDouble(result.group(1));
    double two = Double.parseDouble(result.group(2));
    assertThat(one).isPositive();
    assertThat(two).isPositive();
    assertThat(Double.parseDouble(result.group(3))).isCloseTo(two / one, within(0.02));
  }

  @Test
  void should_have_each_creator_scraped_once_between_the_instances_when_two_run_the_job() {
    assertThat(output).contains("round with 2 instances");
    String secondRound = output.substring(output.indexOf("round with 2 instances"));

    List<Long> scraped = new ArrayList<>();
    Matcher end = INSTANCE_END.matcher(secondRound);
    while (end.find()) {
      assertThat(end.group(2)).isEqualTo("COMPLETED");
      scraped.add(Long.parseLong(end.group(1).replace(",", "")));
    }

    assertThat(scraped).as(output).hasSize(2);
    assertThat(scraped.stream().mapToLong(Long::longValue).sum()).isEqualTo(CREATORS);
    assertThat(secondRound).contains("2,000 done in", "(0 twice)");
  }

  @Test
  void should_refuse_to_run_when_an_instance_count_is_given_twice() {
    BenchmarkRun run = BenchmarkRun.exactly("scale", "--instances", "1,2,1");

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.out() + run.err())
        .contains("--instances names a count twice")
        .doesNotContain("round with");
  }

  @Test
  void should_refuse_pools_that_would_not_fit_in_postgresqls_connections() {
    BenchmarkRun run = BenchmarkRun.exactly("scale", "--pool-size", "25");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("needs 100 PostgreSQL connections; keep it to 80");
  }
}
