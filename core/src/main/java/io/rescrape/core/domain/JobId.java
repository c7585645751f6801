package io.rescrape.core.domain;

/**
 * The store's identifier of a job.
 *
 * @param value the number the store assigned it
 */
public record JobId(long value) {

  /**
   * Parses a job id as a user typed it.
   *
   * @param text a positive whole number; surrounding blanks are allowed
   * @return the id it names, which need not exist
   * @throws InvalidInputException when the text is not a positive whole number
   */
  public static JobId parse(String text) {
    try {
      long value = Long.parseLong(text.strip());
      if (value > 0) {
        return new JobId(value);
      }
    } catch (NumberFormatException e) {
      // reported below with the offending text
    }
    throw new InvalidInputException("invalid job id '" + text + "': expected a positive number");
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
