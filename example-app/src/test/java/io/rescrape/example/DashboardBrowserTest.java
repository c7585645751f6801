package io.rescrape.example;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The dashboard in headless Chromium against a real {@code serve} in a second process, the way an
 * on-call engineer uses it: read the schedule, press the daily button, give the token, watch the
 * job finish, open its failures.
 */
class DashboardBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final String INSTALL_COMMAND = "apt-get install -y chromium chromium-driver";
  private static final String BEFORE_THE_TRIGGER = "2025-08-27T08:00:00Z";
  private static final Path SCREENSHOT = Path.of("target", "dashboard.png");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder()
          .proxy(HttpClient.Builder.NO_PROXY)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String token = randomToken();

  @TempDir Path workDir;

  private Process server;
  private WebDriver browser;
  private URI base;

  @BeforeEach
  void start_the_service_and_a_browser() throws Exception {
    requireBrowser();
    int port = freePort();
    base = URI.create("http://127.0.0.1:" + port);
    server = startServer(port, token, workDir);
    awaitHealthAnswers();
    browser = openBrowser(workDir.resolve("chromium-profile"));
  }

  @AfterEach
  void stop_the_browser_and_the_service() throws InterruptedException {
    try {
      if (browser != null) {
        browser.quit();
      }
    } finally {
      stopServer();
    }
  }

  @Test
  void should_run_the_daily_job_from_the_button_and_show_its_failures() throws Exception {
    JsonNode schedule = getJson("/rescraping/schedule");
    browser.get(base.resolve("/").toString());

    assertThat(schedule.get("totalCreators").asLong()).isEqualTo(1_755);
    assertThat(schedule.get("dueToday").asLong()).isEqualTo(292);
    assertThat(schedule.get("dueTomorrow").asLong()).isPositive();
    assertThat(schedule.get("dailyAverage").decimalValue()).isPositive();
    awaitUi().until(() -> !text("total-creators").equals("–"));
    assertThat(number(text("total-creators"))).isEqualTo(schedule.get("totalCreators").asLong());
    assertThat(number(text("due-today"))).isEqualTo(schedule.get("dueToday").asLong());
    assertThat(number(text("due-tomorrow"))).isEqualTo(schedule.get("dueTomorrow").asLong());
    assertThat(new BigDecimal(text("daily-average").replace(",", "")))
        .isEqualByComparingTo(oneDecimal(schedule.get("dailyAverage").decimalValue()));
    assertThat(weekdayBars()).isEqualTo(weekdays(schedule));
    assertThat(jobsFromApi()).isEmpty();

    pressDailyRescrapeWith(token);

    long id = awaitTheOnlyJobRow();
    assertThat(jobsFromApi()).extracting(job -> job.get("id").asLong()).containsExactly(id);
    awaitJob().until(() -> text("job-status-" + id).equals("COMPLETED"));
    assertThat(byTestId("job-progress-" + id).getAttribute("aria-valuenow")).isEqualTo("100");
    assertThat(text("job-percent-" + id)).isEqualTo("100%");
    assertThat(byTestId("token-dialog").isDisplayed()).isFalse();
    saveScreenshot();

    byTestId("job-link-" + id).click();

    JsonNode job = getJson("/rescraping/jobs/" + id);
    JsonNode failures = getJson("/rescraping/jobs/" + id + "/failures?offset=0&limit=50");
    assertThat(job.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(reasons(job)).containsKeys("NOT_FOUND", "PRIVATE");
    awaitUi().until(() -> text("job-title").equals("Job " + id));
    awaitUi().until(() -> reasonsShown().equals(reasons(job)));
    assertThat(text("job-status")).isEqualTo("COMPLETED");
    assertThat(text("job-stat-failed")).isEqualTo(job.at("/progress/failed").asText());
    awaitUi()
        .until(
            () ->
                failedRowsShown()
                    == Math.min(failures.get("total").asInt(), failures.get("limit").asInt()));
    assertThat(text("failures-table"))
        .contains(failures.at("/failures/0/displayHandle").asText())
        .contains(failures.at("/failures/0/reason").asText());
  }

  @Test
  void should_show_the_refusal_and_create_no_job_when_the_token_is_wrong() throws Exception {
    String wrongToken = "not-" + token;
    String refusal = refusalOf("/rescraping/schedule-daily", wrongToken).get("message").asText();
    browser.get(base.resolve("/").toString());
    awaitUi().until(() -> !text("total-creators").equals("–"));

    pressDailyRescrapeWith(wrongToken);

    awaitUi().until(() -> byTestId("token-error").isDisplayed());
    assertThat(text("token-error")).contains(refusal);
    assertThat(byTestId("token-dialog").isDisplayed()).isTrue();
    assertThat(jobsFromApi()).isEmpty();
    awaitUi().until(() -> byTestId("jobs-empty").isDisplayed());
    assertThat(browser.findElements(By.cssSelector("[data-testid^='job-row-']"))).isEmpty();
  }

  /** Starts {@code serve} on the port, as a user would from a shell, with the API token set. */
  Process startServer(int port, String apiToken, Path dir) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        List.of(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            RescrapeApp.class.getName(),
            "serve",
            "--demo",
            "--demo-latency",
            "50ms",
            "--now",
            BEFORE_THE_TRIGGER,
            "--port",
            Integer.toString(port),
            "--data-dir",
            dir.resolve("data").toString());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("serve.log").toFile());
    builder.environment().put("RESCRAPE_API_TOKEN", apiToken);
    return builder.start();
  }

  private void stopServer() throws InterruptedException {
    if (server == null) {
      return;
    }
    server.destroy();
    if (!server.waitFor(30, SECONDS)) {
      server.destroyForcibly();
      server.waitFor(30, SECONDS);
    }
  }

  private void awaitHealthAnswers() {
    await()
        .atMost(120, SECONDS)
        .pollInterval(200, MILLISECONDS)
        .ignoreExceptionsInstanceOf(IOException.class)
        .until(
            () -> {
              if (!server.isAlive()) {
                throw new AssertionError(
                    "serve exited with " + server.exitValue() + " before answering:\n" + log());
              }
              return send(HttpRequest.newBuilder(base.resolve("/health")).GET()).statusCode() < 500;
            });
  }

  private static void requireBrowser() {
    List<Path> missing = new ArrayList<>();
    for (Path executable : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(executable)) {
        missing.add(executable);
      }
    }
    String message =
        "the dashboard test needs " + missing + "; install them with: " + INSTALL_COMMAND;
    if (!missing.isEmpty() && "required".equals(System.getenv("RESCRAPE_TEST_BROWSER"))) {
      throw new AssertionError(message + " (RESCRAPE_TEST_BROWSER=required)");
    }
    Assumptions.assumeTrue(missing.isEmpty(), message);
  }

  // Debian's Chromium and its driver, named explicitly, so Selenium Manager never runs and nothing
  // is downloaded; the flags keep Chromium from calling anything but the page under test.
  private static WebDriver openBrowser(Path profile) {
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,900",
        "--user-data-dir=" + profile);
    return new ChromeDriver(service, options);
  }

  private void pressDailyRescrapeWith(String apiToken) {
    byTestId("schedule-daily").click();
    awaitUi().until(() -> byTestId("token-input").isDisplayed());
    WebElement input = byTestId("token-input");
    input.clear();
    input.sendKeys(apiToken);
    byTestId("token-submit").click();
  }

  private long awaitTheOnlyJobRow() {
    awaitJob().until(() -> jobRows().size() == 1);
    String testId = jobRows().get(0).getAttribute("data-testid");
    return Long.parseLong(testId.substring("job-row-".length()));
  }

  private List<WebElement> jobRows() {
    return browser.findElements(By.cssSelector("[data-testid^='job-row-']"));
  }

  private Map<String, Long> weekdayBars() {
    Map<String, Long> bars = new HashMap<>();
    for (WebElement bar : browser.findElements(By.cssSelector("[data-testid^='weekday-bar-']"))) {
      String day = bar.getAttribute("data-testid").substring("weekday-bar-".length());
      bars.put(day, Long.parseLong(bar.getAttribute("data-creators")));
    }
    return bars;
  }

  private static Map<String, Long> weekdays(JsonNode schedule) {
    Map<String, Long> days = new HashMap<>();
    schedule
        .get("weekdays")
        .forEach(day -> days.put(day.get("day").asText(), day.get("creators").asLong()));
    return days;
  }

  private Map<String, Long> reasonsShown() {
    Map<String, Long> shown = new HashMap<>();
    for (WebElement row :
        browser.findElements(By.cssSelector("[data-testid^='failure-reason-']"))) {
      String reason = row.getAttribute("data-testid").substring("failure-reason-".length());
      shown.put(reason, number(text("failure-count-" + reason)));
    }
    return shown;
  }

  private static Map<String, Long> reasons(JsonNode job) {
    Map<String, Long> reasons = new HashMap<>();
    job.get("failuresByReason")
        .properties()
        .forEach(entry -> reasons.put(entry.getKey(), entry.getValue().asLong()));
    return reasons;
  }

  private int failedRowsShown() {
    return browser.findElements(By.cssSelector("[data-testid^='failure-row-']")).size();
  }

  // Grows the window to the whole page first, so the picture shows the jobs table too.
  private void saveScreenshot() throws IOException {
    JavascriptExecutor page = (JavascriptExecutor) browser;
    long pageHeight = (Long) page.executeScript("return document.documentElement.scrollHeight");
    long frame = (Long) page.executeScript("return window.outerHeight - window.innerHeight");
    browser.manage().window().setSize(new Dimension(1280, (int) (pageHeight + frame)));
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.createDirectories(SCREENSHOT.toAbsolutePath().getParent());
    Files.copy(shot.toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
  }

  private WebElement byTestId(String testId) {
    return browser.findElement(By.cssSelector("[data-testid='" + testId + "']"));
  }

  private String text(String testId) {
    return byTestId(testId).getText().strip();
  }

  private static long number(String shown) {
    return Long.parseLong(shown.replace(",", ""));
  }

  private static BigDecimal oneDecimal(BigDecimal value) {
    return value.setScale(1, RoundingMode.HALF_UP);
  }

  // The page re-renders while it polls, so an element found a moment ago may be gone.
  private static ConditionFactory awaitUi() {
    return await()
        .atMost(15, SECONDS)
        .pollInterval(100, MILLISECONDS)
        .ignoreExceptionsMatching(
            e ->
                e instanceof NoSuchElementException || e instanceof StaleElementReferenceException);
  }

  private static ConditionFactory awaitJob() {
    return awaitUi().atMost(120, SECONDS);
  }

  private List<JsonNode> jobsFromApi() throws Exception {
    List<JsonNode> jobs = new ArrayList<>();
    getJson("/rescraping/jobs?limit=200").get("jobs").forEach(jobs::add);
    return jobs;
  }

  private JsonNode getJson(String path) throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve(path)).GET());
    assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private JsonNode refusalOf(String path, String apiToken) throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + apiToken)
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(401);
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(
        request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private String log() throws IOException {
    Path log = workDir.resolve("serve.log");
    return Files.exists(log) ? Files.readString(log) : "";
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String randomToken() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
