/**
 * For tests of Rescrape and of host applications: in-memory implementations of every port ({@link
 * io.rescrape.core.testing.InMemoryStores}, {@link io.rescrape.core.testing.FakeProfileScraper},
 * {@link io.rescrape.core.testing.RecordingEventListener}) and a {@link
 * io.rescrape.core.testing.SettableClock}. They hold everything on the heap; not for production.
 */
@NullMarked
package io.rescrape.core.testing;

import org.jspecify.annotations.NullMarked;
