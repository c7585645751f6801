package io.rescrape.web;

import org.jspecify.annotations.Nullable;

/**
 * A request the API refuses, with the HTTP status to answer and, when one field is to blame, its
 * name. Answered as {@code {"status", "error", "message", "field"}}.
 */
final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final @Nullable String field;

  ApiException(int status, String message, @Nullable String field) {
    super(message);
    this.status = status;
    this.field = field;
  }

  static ApiException badRequest(String field, String message) {
    return new ApiException(400, field + ": " + message, field);
  }

  static ApiException notFound(String message) {
    return new ApiException(404, message, null);
  }

  int status() {
    return status;
  }

  @Nullable String field() {
    return field;
  }
}
