package io.rescrape.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** A client of a running {@link RescrapeWebServer}, as a script would call it. */
final class Api {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** An answer: its status, body, and the body as JSON when it is JSON. */
  record Answer(int status, String body, HttpResponse<String> response) {

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    @Nullable String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private @Nullable String authorization;

  Api(URI base) {
    this.base = base;
  }

  Api withToken(String token) {
    return withAuthorization("Bearer " + token);
  }

  Api withAuthorization(String value) {
    Api api = new Api(base);
    api.authorization = value;
    return api;
  }

  Answer get(String path) {
    return send(request(path).GET());
  }

  Answer post(String path) {
    return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
  }

  Answer post(String path, String json) {
    return post(path, "application/json", json);
  }

  Answer post(String path, String contentType, String body) {
    return send(
        request(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  Answer post(String path, String contentType, HttpRequest.BodyPublisher body) {
    return send(request(path).header("Content-Type", contentType).POST(body));
  }

  Answer delete(String path) {
    return send(request(path).DELETE());
  }

  Answer send(String path, java.util.function.UnaryOperator<HttpRequest.Builder> request) {
    return send(request.apply(request(path)));
  }

  Answer method(String method, String path) {
    return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return request;
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
