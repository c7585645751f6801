package io.rescrape.core.domain;

import java.util.Locale;
import java.util.UUID;

/**
 * Names one running instance of the host application; jobs and items are leased under it. Two live
 * processes must never share one.
 *
 * @param value the name, 1 to 64 characters
 */
public record InstanceId(String value) {

  /**
   * An instance id the host chose, for example from its deployment.
   *
   * @param value 1 to 64 characters, not blank; no other live instance may use it
   * @throws InvalidInputException when it is blank or longer than 64 characters
   */
  public InstanceId {
    if (value.isBlank() || value.length() > 64) {
      throw new InvalidInputException(
          "instance id must be 1 to 64 characters, got '" + value + "'");
    }
  }

  /**
   * {@return a fresh id such as {@code host-4711-3f9a}: host, process id and a random suffix} The
   * host is the {@code HOSTNAME} environment variable, or {@code host} when it is unset.
   */
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
