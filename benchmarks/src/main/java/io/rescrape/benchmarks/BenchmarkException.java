package io.rescrape.benchmarks;

/** A benchmark could not run: bad options, a server out of reach, or a wrong result. */
final class BenchmarkException extends RuntimeException {

  BenchmarkException(String message) {
    super(message);
  }

  BenchmarkException(String message, Throwable cause) {
    super(message, cause);
  }
}
