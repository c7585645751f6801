package io.rescrape.core.domain;

import org.jspecify.annotations.Nullable;

/**
 * Which creators to list, a page at a time, in ascending id order. Build one with {@link
 * #builder()}:
 *
 * <pre>{@code
 * CreatorQuery query = CreatorQuery.builder().platform(Platform.TIKTOK).text("bakes").build();
 * }</pre>
 *
 * @param platform only creators of this platform; null for every platform
 * @param text only creators whose handle contains it, ignoring case; {@code %}, {@code _} and
 *     {@code \} in it are plain characters; null for any handle
 * @param includeGone whether creators off the schedule, gone or removed, are listed too
 * @param after only creators with a greater id, the last id of the previous page; null for the
 *     first page
 * @param limit the most creators on a page
 */
public record CreatorQuery(
    @Nullable Platform platform,
    @Nullable String text,
    boolean includeGone,
    @Nullable CreatorId after,
    int limit) {

  /** The most creators a page can hold. */
  public static final int MAX_LIMIT = 1_000;

  /** The longest text to look for; no handle is longer. */
  public static final int MAX_TEXT_LENGTH = 64;

  /** The page size {@link #builder()} starts with. */
  public static final int DEFAULT_LIMIT = 100;

  /**
   * A validated query; {@link #builder()} fills in the defaults.
   *
   * @param platform a platform, or null for every one
   * @param text at most {@value #MAX_TEXT_LENGTH} characters, or null; ASCII letters are
   *     lower-cased here, since handles are stored in lower case
   * @param includeGone whether gone and removed creators are listed too
   * @param after the last id of the previous page, or null
   * @param limit 1 to {@value #MAX_LIMIT}
   * @throws InvalidInputException naming {@code limit} or {@code text} when out of range
   */
  public CreatorQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidInputException(
          "limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    if (text != null) {
      if (text.length() > MAX_TEXT_LENGTH) {
        throw new InvalidInputException(
            "text must be at most "
                + MAX_TEXT_LENGTH
                + " characters, got "
                + text.length()
                + ": "
                + InvalidInputException.quoted(text));
      }
      text = lowerCaseAscii(text);
    }
  }

  /** {@return a builder for every platform and handle, creators on the schedule, first page} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return this query for the page that follows the creator {@code last}}
   *
   * @param last the last id of the page before
   */
  public CreatorQuery withAfter(CreatorId last) {
    return new CreatorQuery(platform, text, includeGone, last, limit);
  }

  /**
   * {@return this query with another page size}
   *
   * @param newLimit 1 to {@value #MAX_LIMIT}
   * @throws InvalidInputException when {@code newLimit} is out of range
   */
  public CreatorQuery withLimit(int newLimit) {
    return new CreatorQuery(platform, text, includeGone, after, newLimit);
  }

  /**
   * {@return whether {@code creator} is one this query lists, page bounds aside}
   *
   * @param creator a stored creator
   */
  public boolean matches(Creator creator) {
    boolean platformMatches = platform == null || creator.platform() == platform;
    boolean textMatches = text == null || creator.handle().value().contains(text);
    return platformMatches && textMatches && (includeGone || !creator.isGone());
  }

  /**
   * Only ASCII letters: handles hold no others, and Unicode case folding would turn the Kelvin sign
   * into a plain 'k' and find handles the user did not type.
   */
  private static String lowerCaseAscii(String text) {
    StringBuilder lower = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      lower.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
    }
    return lower.toString();
  }

  /** Builds a {@link CreatorQuery}; every setting has a documented default. */
  public static final class Builder {
    private @Nullable Platform platform;
    private @Nullable String text;
    private boolean includeGone;
    private @Nullable CreatorId after;
    private int limit = DEFAULT_LIMIT;

    private Builder() {}

    /**
     * Lists the creators of one platform only. Default: every platform.
     *
     * @param platform the platform, or null for every one
     * @return this builder
     */
    public Builder platform(@Nullable Platform platform) {
      this.platform = platform;
      return this;
    }

    /**
     * Lists only creators whose handle contains {@code text}, ignoring case. Default: any handle.
     *
     * @param text at most {@value CreatorQuery#MAX_TEXT_LENGTH} characters, matched literally; null
     *     for any handle
     * @return this builder
     */
    public Builder text(@Nullable String text) {
      this.text = text;
      return this;
    }

    /**
     * Lists gone and removed creators too. Default: false, only creators on the schedule.
     *
     * @param includeGone whether to list creators off the schedule
     * @return this builder
     */
    public Builder includeGone(boolean includeGone) {
      this.includeGone = includeGone;
      return this;
    }

    /**
     * Starts after a creator, as the next page of a listing does. Default: the first page.
     *
     * @param after the last id of the previous page, or null for the first page
     * @return this builder
     */
    public Builder after(@Nullable CreatorId after) {
      this.after = after;
      return this;
    }

    /**
     * The most creators on a page. Default: {@value CreatorQuery#DEFAULT_LIMIT}.
     *
     * @param limit 1 to {@value CreatorQuery#MAX_LIMIT}, checked by {@link #build()}
     * @return this builder
     */
    public Builder limit(int limit) {
      this.limit = limit;
      return this;
    }

    /**
     * {@return the query}
     *
     * @throws InvalidInputException naming {@code limit} or {@code text} when out of range
     */
    public CreatorQuery build() {
      return new CreatorQuery(platform, text, includeGone, after, limit);
    }
  }
}
