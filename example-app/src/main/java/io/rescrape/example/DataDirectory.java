package io.rescrape.example;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** Checks the data directory before anything writes to it: the log, the embedded database. */
final class DataDirectory {

  private DataDirectory() {}

  /** Why {@code dataDir} cannot be used, or null when it can (creating it if missing). */
  static @Nullable String problemWith(Path dataDir) {
    String name = dataDir.toString();
    if (name.isBlank()) {
      return "the data directory must not be empty";
    }
    for (String forbidden : new String[] {";", "\\", "${"}) {
      if (name.contains(forbidden)) {
        // H2 reads ';' in its URL as settings and '\\' as a separator; the log settings read
        // '${' as a variable. Any of them would put files somewhere else than asked.
        return "the data directory must not contain '" + forbidden + "': " + name;
      }
    }
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      return "cannot use data directory " + dataDir + ": " + describe(e);
    }
    if (!Files.isWritable(dataDir)) {
      return "cannot use data directory " + dataDir + ": it is not writable";
    }
    return null;
  }

  private static String describe(IOException e) {
    String kind = e.getClass().getSimpleName();
    return switch (kind) {
      case "FileAlreadyExistsException" -> "a file, not a directory, is in the way";
      case "AccessDeniedException" -> "permission denied";
      default -> kind + (e.getMessage() == null ? "" : " " + e.getMessage());
    };
  }
}
