package io.rescrape.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads what a client sent - path and query parameters, JSON bodies - and turns every mistake into
 * a 4xx {@link ApiException} naming the field.
 */
final class Requests {

  private final ObjectMapper json;
  private final long maxBodyBytes;

  Requests(ObjectMapper json, long maxBodyBytes) {
    this.json = json;
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * The JSON body as {@code type}, or {@code empty} when the client sent no body.
   *
   * @throws ApiException 415 for a body that is not declared JSON; 400 for malformed JSON, an
   *     unknown field, a wrong type or a second value after the first
   */
  <T> T body(Context ctx, Class<T> type, T empty) {
    byte[] body = bounded(ctx);
    if (isBlank(body)) {
      return empty;
    }
    requireJson(ctx.contentType());
    try {
      T value = json.readValue(utf8(body), type);
      if (value == null) {
        throw ApiException.badRequest("body", "expected an object, got null");
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      String known =
          e.getKnownPropertyIds().stream().map(String::valueOf).collect(Collectors.joining(", "));
      throw ApiException.badRequest(
          path(e), "unknown field; this request takes " + (known.isEmpty() ? "none" : known));
    } catch (InvalidFormatException e) {
      throw ApiException.badRequest(
          path(e), "expected " + typeName(e.getTargetType()) + ", got " + quote(e.getValue()));
    } catch (MismatchedInputException e) {
      String field = path(e);
      throw ApiException.badRequest(
          field.isEmpty() ? "body" : field,
          e.getTargetType() == null
              ? "does not match this request's shape"
              : "expected " + typeName(e.getTargetType()));
    } catch (JsonParseException e) {
      throw ApiException.badRequest(
          "body",
          "malformed JSON at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ": "
              + e.getOriginalMessage());
    } catch (JsonMappingException e) {
      throw ApiException.badRequest(
          path(e).isEmpty() ? "body" : path(e), String.valueOf(e.getOriginalMessage()));
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("body", String.valueOf(e.getOriginalMessage()));
    } catch (IOException e) {
      throw ApiException.badRequest("body", "could not be read: " + e.getMessage());
    }
  }

  /**
   * Refuses a body on a request that takes none, so that a client's mistaken payload is not
   * silently ignored.
   *
   * @throws ApiException 400 when the client sent a body that is not blank
   */
  void noBody(Context ctx) {
    if (!isBlank(bounded(ctx))) {
      throw ApiException.badRequest("body", "this request takes no body");
    }
  }

  /**
   * Accepts {@code application/json}, with at most a UTF-8 charset: Jackson would guess at other
   * encodings, and a look-alike such as {@code application/jsonx} is not JSON.
   */
  private static void requireJson(@Nullable String contentType) {
    String[] parts = contentType == null ? new String[] {""} : contentType.split(";", -1);
    boolean json = parts[0].strip().equalsIgnoreCase("application/json");
    for (int i = 1; json && i < parts.length; i++) {
      String parameter = parts[i].strip().toLowerCase(Locale.ROOT).replace("\"", "");
      json = parameter.isEmpty() || parameter.equals("charset=utf-8");
    }
    if (!json) {
      throw new ApiException(
          415,
          "the body must be JSON sent as Content-Type: application/json (UTF-8), got "
              + (contentType == null ? "no Content-Type" : quote(contentType)),
          null);
    }
  }

  /**
   * The body, read up to the limit whatever the client declared: a chunked body carries no length
   * for the server to check up front.
   */
  private byte[] bounded(Context ctx) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBodyBytes) {
      throw tooLarge();
    }
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] body = in.readNBytes((int) maxBodyBytes + 1);
      if (body.length > maxBodyBytes) {
        throw tooLarge();
      }
      return body;
    } catch (IOException e) {
      throw ApiException.badRequest("body", "could not be read: " + e.getMessage());
    }
  }

  private ApiException tooLarge() {
    return new ApiException(
        413,
        "the body is larger than " + maxBodyBytes + " bytes, the most this server takes",
        null);
  }

  /**
   * The body as UTF-8 text. Given bytes, Jackson would guess the encoding and take UTF-16 or UTF-32
   * whatever the request declared.
   */
  private static String utf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw ApiException.badRequest("body", "is not UTF-8 text");
    }
  }

  /**
   * A whole number from the query string, within bounds.
   *
   * @throws ApiException 400 when it is not a number or out of bounds
   */
  static int intQuery(Context ctx, String name, int fallback, int min, int max) {
    String text = ctx.queryParam(name);
    if (text == null || text.isEmpty()) {
      return fallback;
    }
    Long parsed = asciiLong(text);
    if (parsed == null) {
      throw ApiException.badRequest(name, "expected a whole number, got " + quote(text));
    }
    long value = parsed;
    if (value < min || value > max) {
      throw ApiException.badRequest(
          name, "must be between " + min + " and " + max + ", got " + value);
    }
    return (int) value;
  }

  /** A query parameter's text, or null when absent or empty. */
  static @Nullable String textQuery(Context ctx, String name) {
    String text = ctx.queryParam(name);
    return text == null || text.isEmpty() ? null : text;
  }

  /**
   * A positive id from the path.
   *
   * @throws ApiException 400 when it is not a positive whole number
   */
  static long idPath(Context ctx, String name) {
    String text = ctx.pathParam(name);
    Long value = asciiLong(text);
    if (value != null && value > 0) {
      return value;
    }
    throw ApiException.badRequest(name, "expected a positive whole number, got " + quote(text));
  }

  /**
   * A whole number written in ASCII digits with an optional leading minus, or null. {@link
   * Long#parseLong} also takes other scripts' digits, which a proxy's path rules would not expect.
   */
  static @Nullable Long asciiLong(String text) {
    int start = text.startsWith("-") ? 1 : 0;
    if (text.length() == start || text.length() > 19 + start) {
      return null;
    }
    for (int i = start; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return null;
      }
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return null; // out of range
    }
  }

  static String quote(@Nullable Object value) {
    if (value == null) {
      return "null";
    }
    String text = String.valueOf(value);
    if (text.length() > 64) {
      text = text.substring(0, 64) + "...";
    }
    return "'" + text + "'";
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String typeName(@Nullable Class<?> type) {
    if (type == null) {
      return "a value";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    return "an object";
  }
}
