/**
 * The inbound HTTP adapter: the JSON API under {@code /rescraping}, the dashboard at {@code /},
 * {@code /health} and {@code /metrics}, served by Javalin. Reads are open; every change needs a
 * bearer token.
 */
@NullMarked
package io.rescrape.web;

import org.jspecify.annotations.NullMarked;
