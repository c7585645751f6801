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
 *   <li>{@code NOT_FOUND}: 404 or 410 (whatever the body), Instagram's {@code data.user} null
 *       without errors or an empty {@code data.user} object, TikTok's status codes 10221 and 10202
 *       (whatever {@code userInfo} holds) or an empty {@code userInfo.user} object;
 *   <li>{@code PRIVATE}: a profile marked private, or TikTok's status code 10222; the profile keeps
 *       whatever fields the answer had, and the counts it lacks stay unknown;
 *   <li>{@code RATE_LIMITED}: 429 or 420, with the wait from {@code Retry-After} (seconds or an
 *       HTTP-date) when it is readable; any other refusal (4xx but 404, 407, 408, 410) whose words
 *       ask us to wait ("Please wait a few minutes before you try again.", "try again later", "wait
 *       5 minutes", "too many requests"), with the wait from {@code Retry-After}, else the one the
 *       words name, else none; Instagram's {@code data} or {@code data.user} null with an error
 *       list, and its {@code require_login} or {@code status: fail} answers that ask us to wait;
 *   <li>{@code MISCONFIGURED}: a refusal whose words blame our client rather than the creator (a
 *       user agent mismatch, an invalid or missing app id, an unsupported browser or client,
 *       invalid or missing request headers), even a 429; and a 407 from a proxy. The message names
 *       what was blamed and quotes the platform's words;
 *   <li>{@code BLOCKED}: 401 or 403 whose words do not ask us to wait, any redirect (redirects are
 *       not followed; a redirect to a login page says so), an HTML page where JSON or profile data
 *       was expected, Instagram's {@code require_login} or {@code status: fail} answers that do not
 *       ask us to wait, and any other 4xx;
 *   <li>{@code TRANSIENT}: 5xx (whatever its words), 408, a connection error, an interrupted
 *       thread, an exchange not complete within the request timeout (headers and the whole body),
 *       and a 2xx answer whose body is larger than the body limit;
 *   <li>{@code STRUCTURE_CHANGED}: a 2xx answer that is not valid JSON, lacks the expected data,
 *       has a field of the wrong type or a count that is not one, a public profile without a
 *       follower count, or an unknown TikTok status code.
 * </ul>
 *
 * <p>The words of a refusal are read from its body up to the body limit; in an HTML page, the
 * content of script and style elements is skipped. Words blaming our client are checked first. Both
 * platforms' scrapers ask for English answers, whose wording this reading expects.
 *
 * <p>Counts are read from JSON numbers or from text: {@code 12,345} and {@code 999} exactly, and
 * abbreviations such as {@code 1.2M}, {@code 630k} or {@code 1.5 B} with exact decimal arithmetic,
 * which mark the stats {@link io.rescrape.core.domain.ProfileStats#approximate() approximate}. A
 * count that is absent, null or blank is unknown (null), never 0.
 *
 * <p>Every exchange is bounded in time and in size (see {@link
 * io.rescrape.scraper.HttpScraperSettings#requestTimeout()} and {@link
 * io.rescrape.scraper.HttpScraperSettings#maxBodyBytes()}): an exchange that passes either bound is
 * cancelled and its connection closed, and a body is read no further than the limit. A non-2xx
 * answer keeps the outcome of its status and of the part of its body that arrived, however large
 * its body.
 *
 * <p>Messages name the platform, the handle and the HTTP status, such as {@code
 * tiktok @mira.paints: HTTP 429, rate limited}. Response bodies are logged at DEBUG only,
 * shortened.
 */
package io.rescrape.scraper;
