package io.rescrape.web;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import io.rescrape.core.Rescrape;
import io.rescrape.core.domain.Creator;
import io.rescrape.core.domain.CreatorId;
import io.rescrape.core.domain.CreatorQuery;
import io.rescrape.core.domain.GoneReason;
import io.rescrape.core.domain.InvalidInputException;
import io.rescrape.core.domain.NewCreator;
import io.rescrape.core.domain.NotFoundException;
import io.rescrape.core.domain.Platform;
import io.rescrape.core.domain.Profile;
import io.rescrape.core.service.CreatorPage;
import io.rescrape.core.service.ImportOutcome;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Creators: add one, import many with a report per row, list and search page by page, remove. */
final class CreatorRoutes {

  /** The most rows one import request takes; split larger imports. */
  static final int MAX_IMPORT_ROWS = 10_000;

  /**
   * One creator to add.
   *
   * @param platform {@code instagram} or {@code tiktok}
   * @param handle the handle, with or without {@code @}, or the profile's URL
   * @param lastScrapedAt when an earlier system last scraped it, to keep its weekday; optional
   */
  record CreatorRequest(
      @Nullable String platform, @Nullable String handle, @Nullable String lastScrapedAt) {}

  /** {@code POST /rescraping/creators/import}. */
  record ImportRequest(@Nullable List<@Nullable CreatorRequest> creators) {}

  /** A creator as the API shows it. */
  record CreatorView(
      long id,
      String platform,
      String handle,
      String displayHandle,
      String day,
      @Nullable LocalDate nextDue,
      @Nullable Instant lastScrapedAt,
      Instant addedAt,
      @Nullable Instant goneSince,
      @Nullable GoneReason goneReason,
      @Nullable ProfileView profile) {}

  /** What the last successful scrape read. */
  record ProfileView(
      @Nullable String platformId,
      @Nullable String displayName,
      @Nullable Long followers,
      @Nullable Long following,
      @Nullable Long posts,
      @Nullable Long likes,
      @Nullable Boolean verified,
      @Nullable Boolean privateAccount) {}

  /** One row of an import's report. */
  record RowView(
      int row,
      @Nullable String platform,
      @Nullable String handle,
      ImportOutcome.Status status,
      @Nullable Long creatorId,
      String detail) {}

  private final Rescrape rescrape;
  private final Requests requests;
  private final ChangeLog changes;

  CreatorRoutes(Rescrape rescrape, Requests requests, ChangeLog changes) {
    this.rescrape = rescrape;
    this.requests = requests;
    this.changes = changes;
  }

  void register(JavalinDefaultRouting router) {
    Reads.get(router, "/rescraping/creators", this::list);
    Reads.get(router, "/rescraping/creators/{id}", this::show);
    router.post("/rescraping/creators", this::add);
    router.post("/rescraping/creators/import", this::importMany);
    router.delete("/rescraping/creators/{id}", this::remove);
  }

  private void list(Context ctx) {
    CreatorQuery query = query(ctx);
    CreatorPage page = rescrape.creators().search(query);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("creators", page.creators().stream().map(this::view).toList());
    answer.put("next", page.next() == null ? null : Long.toString(page.next().value()));
    ctx.json(answer);
  }

  private void show(Context ctx) {
    CreatorId id = creatorId(ctx);
    Creator creator = rescrape.creators().find(id).orElseThrow(() -> NotFoundException.creator(id));
    ctx.json(view(creator));
  }

  private void add(Context ctx) {
    CreatorRequest request =
        requests.body(ctx, CreatorRequest.class, new CreatorRequest(null, null, null));
    NewCreator creator = newCreator(request, "");

    ImportOutcome outcome = rescrape.creators().add(creator);
    if (outcome.status() == ImportOutcome.Status.REJECTED) {
      throw new ApiException(400, outcome.detail(), null);
    }

    Creator stored = rescrape.creators().find(creator.platform(), creator.handle()).orElseThrow();
    if (outcome.status() != ImportOutcome.Status.DUPLICATE) {
      changes.changed(
          ctx,
          "add creator %d (%s %s): %s",
          stored.id().value(),
          creator.platform().id(),
          creator.handle(),
          outcome.status());
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("status", outcome.status());
    answer.put("detail", outcome.detail());
    answer.put("creator", view(stored));
    ctx.status(outcome.status() == ImportOutcome.Status.ADDED ? 201 : 200).json(answer);
  }

  private void importMany(Context ctx) {
    ImportRequest request = requests.body(ctx, ImportRequest.class, new ImportRequest(null));
    if (request.creators() == null) {
      throw ApiException.badRequest("creators", "required: a list of {platform, handle} objects");
    }
    if (request.creators().size() > MAX_IMPORT_ROWS) {
      throw ApiException.badRequest(
          "creators",
          "at most "
              + MAX_IMPORT_ROWS
              + " rows per request, got "
              + request.creators().size()
              + "; split the import");
    }

    List<RowView> rows = new ArrayList<>(request.creators().size());
    List<NewCreator> valid = new ArrayList<>();
    List<Integer> validRows = new ArrayList<>();
    for (int i = 0; i < request.creators().size(); i++) {
      CreatorRequest row = request.creators().get(i);
      try {
        if (row == null) {
          throw new InvalidInputException("the row is null; expected {platform, handle}");
        }
        valid.add(newCreator(row, "creators[" + i + "]."));
        validRows.add(i);
        rows.add(null);
      } catch (ApiException | InvalidInputException e) {
        rows.add(
            new RowView(
                i + 1,
                row == null ? null : row.platform(),
                row == null ? null : row.handle(),
                ImportOutcome.Status.REJECTED,
                null,
                e.getMessage()));
      }
    }
    List<ImportOutcome> outcomes =
        valid.isEmpty() ? List.of() : rescrape.creators().startImport().add(valid);
    for (int i = 0; i < outcomes.size(); i++) {
      int index = validRows.get(i);
      CreatorRequest row = request.creators().get(index);
      ImportOutcome outcome = outcomes.get(i);
      rows.set(
          index,
          new RowView(
              index + 1,
              row.platform(),
              row.handle(),
              outcome.status(),
              outcome.creatorId() == null ? null : outcome.creatorId().value(),
              outcome.detail()));
    }

    Map<ImportOutcome.Status, Long> counts = new EnumMap<>(ImportOutcome.Status.class);
    for (ImportOutcome.Status status : ImportOutcome.Status.values()) {
      counts.put(status, rows.stream().filter(row -> row.status() == status).count());
    }
    changes.changed(
        ctx,
        "import %d rows: %d added, %d returned, %d duplicate, %d rejected",
        rows.size(),
        counts.get(ImportOutcome.Status.ADDED),
        counts.get(ImportOutcome.Status.RETURNED),
        counts.get(ImportOutcome.Status.DUPLICATE),
        counts.get(ImportOutcome.Status.REJECTED));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("added", counts.get(ImportOutcome.Status.ADDED));
    answer.put("returned", counts.get(ImportOutcome.Status.RETURNED));
    answer.put("duplicate", counts.get(ImportOutcome.Status.DUPLICATE));
    answer.put("rejected", counts.get(ImportOutcome.Status.REJECTED));
    answer.put("rows", rows);
    ctx.json(answer);
  }

  private void remove(Context ctx) {
    requests.noBody(ctx);
    CreatorId id = creatorId(ctx);
    Creator removed = rescrape.creators().remove(id);
    changes.changed(
        ctx, "remove creator %d (%s %s)", id.value(), removed.platform().id(), removed.handle());
    ctx.json(view(removed));
  }

  private static CreatorQuery query(Context ctx) {
    String platform = Requests.textQuery(ctx, "platform");
    String text = Requests.textQuery(ctx, "q");
    String after = Requests.textQuery(ctx, "after");
    String includeGone = Requests.textQuery(ctx, "includeGone");
    if (includeGone != null && !includeGone.equals("true") && !includeGone.equals("false")) {
      throw ApiException.badRequest(
          "includeGone", "expected true or false, got " + Requests.quote(includeGone));
    }
    if (text != null && text.length() > CreatorQuery.MAX_TEXT_LENGTH) {
      throw ApiException.badRequest(
          "q", "at most " + CreatorQuery.MAX_TEXT_LENGTH + " characters, got " + text.length());
    }
    return CreatorQuery.builder()
        .platform(platform == null ? null : platform(platform, "platform"))
        .text(text)
        .includeGone("true".equals(includeGone))
        .after(after == null ? null : new CreatorId(cursor(after)))
        .limit(Requests.intQuery(ctx, "limit", 50, 1, 500))
        .build();
  }

  private static Platform platform(String text, String field) {
    try {
      return Platform.parse(text);
    } catch (InvalidInputException e) {
      throw ApiException.badRequest(field, e.getMessage());
    }
  }

  private static long cursor(String text) {
    Long value = Requests.asciiLong(text);
    if (value != null && value >= 0) {
      return value;
    }
    throw ApiException.badRequest(
        "after", "expected the 'next' value of the previous page, got " + Requests.quote(text));
  }

  /** Checks every field here, so that a refusal names it; the import then refuses nothing. */
  private NewCreator newCreator(CreatorRequest request, String prefix) {
    if (request.platform() == null) {
      throw ApiException.badRequest(prefix + "platform", "required: instagram or tiktok");
    }
    if (request.handle() == null) {
      throw ApiException.badRequest(prefix + "handle", "required");
    }
    Platform platform = platform(request.platform(), prefix + "platform");
    NewCreator creator;
    try {
      creator = NewCreator.of(platform, request.handle());
    } catch (InvalidInputException e) {
      throw ApiException.badRequest(prefix + "handle", e.getMessage());
    }
    if (request.lastScrapedAt() == null) {
      return creator;
    }
    Instant lastScrapedAt;
    try {
      lastScrapedAt = NewCreator.parseLastScrapedAt(request.lastScrapedAt());
      creator = new NewCreator(platform, creator.handle(), creator.displayHandle(), lastScrapedAt);
    } catch (InvalidInputException e) {
      throw ApiException.badRequest(prefix + "lastScrapedAt", e.getMessage());
    }
    Instant now = rescrape.clock().instant();
    if (lastScrapedAt.isAfter(now)) {
      throw ApiException.badRequest(
          prefix + "lastScrapedAt",
          "last scraped at "
              + lastScrapedAt
              + " lies in the future (the server's clock: "
              + now
              + ")");
    }
    return creator;
  }

  private static CreatorId creatorId(Context ctx) {
    return new CreatorId(Requests.idPath(ctx, "id"));
  }

  private CreatorView view(Creator creator) {
    Profile profile = creator.profile();
    return new CreatorView(
        creator.id().value(),
        creator.platform().id(),
        creator.handle().value(),
        creator.displayHandle(),
        ScheduleRoutes.name(rescrape.policy().cycle(), creator.day()),
        creator.nextDue(),
        creator.lastScrapedAt(),
        creator.addedAt(),
        creator.goneSince(),
        creator.goneReason(),
        profile == null
            ? null
            : new ProfileView(
                profile.platformUserId(),
                profile.displayName(),
                profile.stats().followers(),
                profile.stats().following(),
                profile.stats().posts(),
                profile.stats().likes(),
                profile.verified(),
                profile.privateAccount()));
  }
}
