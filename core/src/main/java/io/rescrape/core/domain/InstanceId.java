package io.rescrape.core.domain;

import java.util.Locale;
import java.util.UUID;

/**
 * Names one running instance of the host application; jobs and items are leased under it. Two live
 * processes must never share one.
 */
public record InstanceId(String value) {

  public InstanceId {
    if (value.isBlank() || value.length() > 64) {
      throw new InvalidInputException(
          "instance id must be 1 to 64 characters, got '" + value + "'");
    }
  }

  /** A fresh id such as {@code host-4711-3f9a}: host, process id and a random suffix. */
  public static InstanceId generate() {
    String host = System.getenv().getOrDefault("HOSTNAME", "host");
    String suffix = UUID.randomUUID().toString().substring(0, 4);
    String id = host + "-" + ProcessHandle.current().pid() + "-" + suffix;
    return new InstanceId(
        id.length() > 64 ? id.substring(id.length() - 64) : id.toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return value;
  }
}
