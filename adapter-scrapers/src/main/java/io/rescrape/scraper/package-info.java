/**
 * Profile scrapers on {@link java.net.http.HttpClient}: {@link
 * io.rescrape.scraper.HttpInstagramScraper} and {@link io.rescrape.scraper.HttpTikTokScraper}, both
 * configured by {@link io.rescrape.scraper.HttpScraperSettings}.
 *
 * <p>Every answer, and every failure to get one, becomes exactly one {@link
 * io.rescrape.core.domain.ScrapeOutcome}:
 *
 * <ul>
 *   <li>{@code OK}: a 2xx answer with the profile where the scraper looks for it;
 *   <li>{@code NOT_FOUND}: 404 or 410, Instagram's {@code data.user: null} without errors, TikTok's
 *       status code 10221;
 *   <li>{@code PRIVATE}: a profile marked private, or TikTok's status code 10222; the profile keeps
 *       whatever fields the answer had;
 *   <li>{@code RATE_LIMITED}: 429 or 420, with the wait from {@code Retry-After} (seconds or an
 *       HTTP-date) when it is readable;
 *   <li>{@code BLOCKED}: 401, 403, any redirect (redirects are not followed), an HTML page where
 *       JSON or profile data was expected, Instagram's {@code require_login} or {@code status:
 *       fail} answers, and any other 4xx;
 *   <li>{@code TRANSIENT}: 5xx, 408, a connection error, an interrupted thread, an exchange not
 *       complete within the request timeout (headers and the whole body), a 2xx answer whose body
 *       is larger than the body limit, and Instagram's {@code data.user: null} with an error list;
 *   <li>{@code STRUCTURE_CHANGED}: a 2xx answer that is not valid JSON, lacks the expected data,
 *       has a field of the wrong type, a public profile without a follower count, or an unknown
 *       TikTok status code.
 * </ul>
 *
 * <p>Every exchange is bounded in time and in size (see {@link
 * io.rescrape.scraper.HttpScraperSettings#requestTimeout()} and {@link
 * io.rescrape.scraper.HttpScraperSettings#maxBodyBytes()}): an exchange that passes either bound is
 * cancelled and its connection closed, and a body is read no further than the limit. A non-2xx
 * answer keeps the outcome of its status however large its body.
 *
 * <p>Messages name the platform, the handle and the HTTP status, such as {@code
 * tiktok @mira.paints: HTTP 429, rate limited}. Response bodies are logged at DEBUG only,
 * shortened.
 */
package io.rescrape.scraper;
