package io.rescrape.example.cli;

import io.rescrape.core.domain.InvalidInputException;
import io.rescrape.core.service.CreatorImport;
import io.rescrape.core.service.ImportOutcome;
import io.rescrape.example.AppEnvironment;
import io.rescrape.example.csv.CreatorCsv;
import io.rescrape.example.output.Json;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Imports creators from a CSV file, streaming it in batches. */
@Command(
    name = "import",
    description =
        "Import creators from CSV (platform,handle[,last_scraped_at]). Bad rows are reported by"
            + " line and skipped; the good rows are imported. New creators join the least-loaded"
            + " day.")
final class ImportCommand extends EnvironmentCommand {

  private static final int BATCH = 1_000;
  private static final int LISTED = 1_000;

  @Parameters(paramLabel = "FILE", description = "The CSV file, UTF-8.")
  Path file;

  @Override
  int run(AppEnvironment environment) {
    ImportReport report = new ImportReport(file.toString());
    CreatorImport creatorImport = environment.rescrape().creators().startImport();
    List<CreatorCsv.Parsed> batch = new ArrayList<>(BATCH);
    try (InputStream input = Files.newInputStream(file)) {
      new CreatorCsv(new BufferedInputStream(input))
          .forEachRow(
              row -> {
                if (environment.isStopRequested()) {
                  report.stoppedBeforeLine = row.line();
                  throw new StopImport();
                }
                if (row instanceof CreatorCsv.Rejected rejected) {
                  report.reject(rejected.line(), rejected.reason());
                  return;
                }
                batch.add((CreatorCsv.Parsed) row);
                if (batch.size() == BATCH) {
                  flush(creatorImport, batch, report);
                }
              });
      flush(creatorImport, batch, report);
    } catch (StopImport e) {
      flush(creatorImport, batch, report);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("file not found: " + file);
    } catch (IOException | UncheckedIOException e) {
      throw new InvalidInputException("cannot read " + file + ": " + e.getMessage());
    }
    print(report);
    return report.rejectedCount == 0 ? ExitCodes.OK : ExitCodes.ROWS_REJECTED;
  }

  private static void flush(
      CreatorImport creatorImport, List<CreatorCsv.Parsed> batch, ImportReport report) {
    if (batch.isEmpty()) {
      return;
    }
    List<ImportOutcome> outcomes =
        creatorImport.add(batch.stream().map(CreatorCsv.Parsed::creator).toList());
    for (int i = 0; i < outcomes.size(); i++) {
      report.record(batch.get(i).line(), outcomes.get(i));
    }
    batch.clear();
  }

  private void print(ImportReport report) {
    report.rejected.sort(Comparator.comparingInt(ImportReport.RejectedRow::line));
    if (common.json()) {
      Json.print(out(), report);
      return;
    }
    PrintWriter out = out();
    out.printf(
        "Imported %,d creators from %s; %,d already scheduled; %,d rows rejected%n",
        report.added, report.file, report.duplicates, report.rejectedCount);
    if (report.returned > 0) {
      out.printf(
          "Brought back %,d gone creators (not found on earlier job dates); they are due at"
              + " once%n",
          report.returned);
    }
    for (ImportReport.RejectedRow row : report.rejected) {
      out.printf("  line %d: %s%n", row.line(), row.reason());
    }
    if (report.rejectedCount > report.rejected.size()) {
      out.printf("  ... and %,d more%n", report.rejectedCount - report.rejected.size());
    }
    if (report.stoppedBeforeLine != null) {
      out.printf(
          "Stopped by a signal before line %d; import the file again for the rest (rows already"
              + " imported count as already scheduled).%n",
          report.stoppedBeforeLine);
    }
    out.flush();
  }

  /** Ends the reading of the file when the command is asked to stop. */
  private static final class StopImport extends RuntimeException {
    StopImport() {
      super(null, null, false, false);
    }
  }

  /** What an import did, as printed and as JSON. */
  static final class ImportReport {
    public final String file;
    public long added;
    public long returned;
    public long duplicates;
    public long rejectedCount;
    public final List<RejectedRow> rejected = new ArrayList<>();
    public @Nullable Integer stoppedBeforeLine;

    ImportReport(String file) {
      this.file = file;
    }

    void record(int line, ImportOutcome outcome) {
      switch (outcome.status()) {
        case ADDED -> added++;
        case RETURNED -> returned++;
        case DUPLICATE -> duplicates++;
        case REJECTED -> reject(line, outcome.detail());
      }
    }

    void reject(int line, String reason) {
      rejectedCount++;
      if (rejected.size() < LISTED) {
        rejected.add(new RejectedRow(line, reason));
      }
    }

    /**
     * A row that was not imported.
     *
     * @param line its line number
     * @param reason why
     */
    record RejectedRow(int line, String reason) {}
  }
}
