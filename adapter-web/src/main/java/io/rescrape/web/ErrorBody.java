package io.rescrape.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.http.HttpStatus;
import org.jspecify.annotations.Nullable;

/**
 * The body of every error answer.
 *
 * @param status the HTTP status code
 * @param error the status's reason phrase
 * @param message what was wrong, for a person
 * @param field the request field to blame; absent when there is none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ErrorBody(int status, String error, String message, @Nullable String field) {

  static ErrorBody of(int status, String message, @Nullable String field) {
    return new ErrorBody(status, HttpStatus.forStatus(status).getMessage(), message, field);
  }
}
