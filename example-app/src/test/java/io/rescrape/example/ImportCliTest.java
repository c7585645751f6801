package io.rescrape.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCliTest {

  private static final String NOW = "2025-08-26T12:00:00Z";

  @TempDir Path dataDir;
  @TempDir Path files;

  @Test
  void should_import_the_good_rows_and_report_each_bad_one_by_line() throws Exception {
    Path csv =
        csv(
            "platform,handle,last_scraped_at",
            "instagram,lena.bakes,2025-08-20T09:15:00Z",
            "myspace,tom",
            "tiktok,@Kofi_Codes",
            "instagram,has space",
            "tiktok,mia.runs,yesterday",
            "instagram,a,b,c,d",
            "",
            "# a comment",
            "instagram,from.the.future,2030-01-01T00:00:00Z",
            "INSTAGRAM,Lena.Bakes",
            "tiktok,\"quoted.handle\",2025-08-21");

    Cli.Result result = new Cli(dataDir).run("import", csv.toString(), "--now", NOW);

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.out())
        .contains("Imported 3 creators")
        .contains("1 already scheduled")
        .contains("5 rows rejected")
        .contains("line 3: unknown platform 'myspace' (expected one of instagram, tiktok)")
        .contains("line 5: invalid instagram handle 'has space'")
        .contains("line 6: 'yesterday' is not a time; expected e.g. 2025-08-20T09:15:00Z")
        .contains("line 7: expected 2 or 3 columns (platform, handle, last scraped at), found 5")
        .contains("line 10: last scraped at 2030-01-01T00:00:00Z lies in the future");
  }

  @Test
  void should_keep_an_imported_creator_on_the_weekday_of_its_last_scrape() throws Exception {
    Path csv = csv("instagram,lena.bakes,2025-08-20T09:15:00Z");
    Cli cli = new Cli(dataDir);

    cli.run("import", csv.toString(), "--now", NOW);

    JsonNode plan = new ObjectMapper().readTree(cli.run("plan", "--now", NOW, "--json").out());
    assertThat(plan.get("perDay").get("Wed").asLong()).isEqualTo(1);
    assertThat(plan.get("dueTomorrow").asLong()).isEqualTo(1);
  }

  @Test
  void should_report_the_import_as_json() throws Exception {
    Path csv = csv("tiktok,kofi_codes", "nope");

    Cli.Result result = new Cli(dataDir).run("import", csv.toString(), "--json");

    JsonNode report = new ObjectMapper().readTree(result.out());
    assertThat(report.get("added").asLong()).isEqualTo(1);
    assertThat(report.get("rejectedCount").asLong()).isEqualTo(1);
    assertThat(report.get("rejected").get(0).get("line").asInt()).isEqualTo(2);
  }

  @Test
  void should_refuse_a_file_that_is_missing() {
    Cli.Result missing = new Cli(dataDir).run("import", files.resolve("nothing.csv").toString());

    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("error: file not found: ");
  }

  @Test
  void should_reject_a_line_that_is_not_utf8_and_import_the_others() throws Exception {
    Path mixed = files.resolve("mixed.csv");
    Files.write(
        mixed,
        concat(
            "tiktok,kofi_codes\n".getBytes(StandardCharsets.UTF_8),
            new byte[] {'t', 'i', 'k', 't', 'o', 'k', ',', (byte) 0xe9, 't', 'e', '\n'},
            "instagram,lena.bakes\n".getBytes(StandardCharsets.UTF_8)));

    Cli.Result result = new Cli(dataDir).run("import", mixed.toString());

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.out()).contains("Imported 2 creators").contains("line 2: not UTF-8 text");
  }

  @Test
  void should_read_old_mac_line_ends_and_a_header_after_blank_lines() throws Exception {
    Path csv = files.resolve("mac.csv");
    Files.writeString(csv, "\r\rplatform,handle\rtiktok,kofi_codes\rinstagram,lena.bakes\r");

    Cli.Result result = new Cli(dataDir).run("import", csv.toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("Imported 2 creators").contains("0 rows rejected");
  }

  @Test
  void should_reject_an_overlong_line_and_go_on() throws Exception {
    Path csv = csv("instagram," + "x".repeat(10_000), "tiktok,kofi_codes");

    Cli.Result result = new Cli(dataDir).run("import", csv.toString());

    assertThat(result.out())
        .contains("Imported 1 creators")
        .contains("line 1: line longer than 4096 bytes");
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    for (byte[] part : parts) {
      all.writeBytes(part);
    }
    return all.toByteArray();
  }

  private Path csv(String... lines) throws Exception {
    Path file = Files.createTempFile(files, "creators", ".csv");
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return file;
  }
}
