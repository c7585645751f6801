package io.rescrape.scraper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads the few JSON fields a scraper needs. A field that is absent or null reads as null; a field
 * that is present with the wrong type means the platform changed its answer.
 */
final class Json {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Json() {}

  /** Parses a JSON object. */
  static JsonNode parseObject(String json, String what) {
    JsonNode root = parse(json, what);
    if (root == null || !root.isObject()) {
      throw new UnexpectedStructureException(what + " is not a JSON object");
    }
    return root;
  }

  private static @Nullable JsonNode parse(String json, String what) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UnexpectedStructureException(what + " is not valid JSON");
    }
  }

  /** The object at {@code field}, which must be there. */
  static JsonNode object(JsonNode parent, String field, String path) {
    JsonNode node = parent.path(field);
    if (!node.isObject()) {
      throw new UnexpectedStructureException("no " + path + " object");
    }
    return node;
  }

  /** The object at {@code field} if there is one. */
  static @Nullable JsonNode optionalObject(JsonNode parent, String field, String path) {
    JsonNode node = parent.path(field);
    if (isAbsent(node)) {
      return null;
    }
    if (!node.isObject()) {
      throw new UnexpectedStructureException(path + " is not an object");
    }
    return node;
  }

  static @Nullable String text(JsonNode parent, String field) {
    JsonNode node = parent.path(field);
    if (isAbsent(node)) {
      return null;
    }
    if (!node.isValueNode()) {
      throw new UnexpectedStructureException(field + " is not a value");
    }
    return node.asText();
  }

  static @Nullable Boolean flag(JsonNode parent, String field) {
    JsonNode node = parent.path(field);
    if (isAbsent(node)) {
      return null;
    }
    if (!node.isBoolean()) {
      throw new UnexpectedStructureException(field + " is not true or false");
    }
    return node.booleanValue();
  }

  /** A count given as a JSON number or as text, such as {@code "12,345"} or {@code "1.2M"}. */
  static @Nullable Count count(JsonNode parent, String field) {
    return count(parent, field, field);
  }

  /**
   * A count given as a JSON number or as text (see {@link CountText}), named {@code path} in
   * errors. Absent, null or blank text is an unknown count.
   */
  static @Nullable Count count(JsonNode parent, String field, String path) {
    JsonNode node = parent.path(field);
    boolean unknown = isAbsent(node) || node.isTextual() && CountText.isBlank(node.textValue());
    if (unknown) {
      return null;
    }
    Optional<Count> count = asCount(node);
    if (count.isEmpty()) {
      throw new UnexpectedStructureException(
          path + " is not a count: " + Bodies.excerpt(node.toString(), 40));
    }
    return count.get();
  }

  /**
   * A count as {@link #count(JsonNode, String, String)} reads it, which must not be negative: no
   * profile has fewer than zero followers, so a negative number means the answer changed.
   */
  static @Nullable Count nonNegativeCount(JsonNode parent, String field, String path) {
    Count count = count(parent, field, path);
    if (count != null && count.value() < 0) {
      throw new UnexpectedStructureException(path + " is negative: " + count.value());
    }
    return count;
  }

  private static Optional<Count> asCount(JsonNode node) {
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return Optional.of(Count.exact(node.longValue()));
    }
    return node.isTextual() ? CountText.parse(node.textValue()) : Optional.empty();
  }

  static boolean isAbsent(JsonNode node) {
    return node.isMissingNode() || node.isNull();
  }
}
