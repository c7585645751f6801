package io.rescrape.core.domain;

/**
 * The store's identifier of a creator.
 *
 * @param value the number the store assigned it
 */
public record CreatorId(long value) implements Comparable<CreatorId> {

  @Override
  public int compareTo(CreatorId other) {
    return Long.compare(value, other.value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
