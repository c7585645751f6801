/**
 * Benchmarks of Rescrape on a real PostgreSQL and Redis, run from {@code benchmarks.jar}: each one
 * is a subcommand of {@link io.rescrape.benchmarks.Benchmarks}, prints its progress, and ends with
 * one {@code RESULT <name> key=value ...} line for scripts. Every run works in a schema and a Redis
 * key prefix of its own and removes them at the end.
 */
@NullMarked
package io.rescrape.benchmarks;

import org.jspecify.annotations.NullMarked;
