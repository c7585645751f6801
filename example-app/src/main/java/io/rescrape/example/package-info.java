/**
 * The example service and CLI. {@link io.rescrape.example.RescrapeApp} is the entry point; {@link
 * io.rescrape.example.AppEnvironment} shows how core, the JDBC adapter and the HTTP scrapers are
 * wired; each feature is one command in {@code io.rescrape.example.cli}.
 */
package io.rescrape.example;
