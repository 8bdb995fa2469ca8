using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Web.Data;
using SmePlatform.Web.Features.Catalogue;
using SmePlatform.Web.Features.Notices;
using SmePlatform.Web.Infrastructure.Auditing;
using SmePlatform.Web.Infrastructure.Forms;
using SmePlatform.Web.Infrastructure.Security;

namespace SmePlatform.Web.Features.Admin.Measures;

public sealed record MeasureListRow(int Id, string Slug, string TitleJa, string TitleEn, MeasureStatus Status, DateTime? EndUtc, DateTime UpdatedAtUtc, bool IsDemo, bool TermsNeedReview);

public sealed record MeasureListPage(IReadOnlyList<MeasureListRow> Rows, MeasureStatus? Status, int Page, int PageCount, int Total);

/// <summary>What the editor's page shows beside its form: the measure it edits (null when new) and, when asked, a preview.</summary>
public sealed record MeasureEditContext(int? Id, MeasureStatus Status, MeasureDetailPage? Preview, bool TermsNeedReview = false)
{
    public const string Key = "MeasureEditor";
}

public sealed record MeasureHistoryEntry(DateTime OccurredAtUtc, string Actor, string Action, string? Details);

public sealed record MeasureHistoryPage(int Id, string Title, IReadOnlyList<MeasureHistoryEntry> Entries);

/// <summary>
/// The measure catalogue's editor for Administrators: list, create, edit with a preview, publish and archive.
/// Every change is audited with the fields it changed, is refused when someone else saved first (the
/// measure's version is a concurrency token), and refreshes the public catalogue.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
[Route("admin/measures")]
public sealed class MeasureEditorController(
    SmeDbContext db,
    CatalogueIndex catalogue,
    AuditLog audit,
    TimeProvider clock,
    IValidator<MeasureForm> validator,
    IStringLocalizer<SharedResource> t) : Controller
{
    private const int PageSize = 50;
    private const string Subject = "SupportMeasure";

    [HttpGet("")]
    public async Task<IActionResult> Index(MeasureStatus? status, int page = 1)
    {
        var query = db.SupportMeasures.AsNoTracking();
        if (status is { } only)
        {
            query = query.Where(m => m.Status == only);
        }

        var total = await query.CountAsync();
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await query
            .OrderByDescending(m => m.UpdatedAtUtc).ThenBy(m => m.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(m => new MeasureListRow(m.Id, m.Slug, m.TitleJa, m.TitleEn, m.Status, m.AcceptanceEndUtc, m.UpdatedAtUtc, m.IsDemo, m.TermsNeedReview))
            .ToListAsync();
        return View(new MeasureListPage(rows, status, page, pageCount, total));
    }

    [HttpGet("new")]
    public IActionResult Create() =>
        EditView(new MeasureForm { BodyFormat = nameof(BodyFormat.Markdown), Kind = nameof(MeasureKind.Subsidy), SizeClass = nameof(SizeClassTarget.Sme), EndTime = MeasureForm.DefaultClosingTime }, null, MeasureStatus.Draft, null);

    [HttpPost("new")]
    public async Task<IActionResult> Create(MeasureForm form, string? intent)
    {
        if (!await ValidateAsync(form, 0))
        {
            return EditView(form, null, MeasureStatus.Draft, null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var measure = new SupportMeasure { Status = MeasureStatus.Draft, CreatedAtUtc = now, UpdatedAtUtc = now };
        form.ApplyTo(measure);
        if (intent == "preview")
        {
            return EditView(form, null, MeasureStatus.Draft, PreviewOf(measure));
        }

        // The audit entry names the new id, so it is written after the measure, in the same transaction.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.SupportMeasures.Add(measure);
            await db.SaveChangesAsync();
            audit.Record("measure.created", Subject, Invariant(measure.Id), $"slug={measure.Slug}");
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        });
        catalogue.Invalidate();
        TempData["Notice"] = t["MeasureEditor.Created"].Value;
        return RedirectToAction(nameof(Edit), new { id = measure.Id });
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id)
    {
        var measure = await db.SupportMeasures.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(m => m.Id == id);
        return measure is null ? NotFound() : EditView(MeasureForm.From(measure), id, measure.Status, null, measure.TermsNeedReview);
    }

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Edit(int id, MeasureForm form, string? intent)
    {
        var measure = await db.SupportMeasures.AsSplitQuery().FirstOrDefaultAsync(m => m.Id == id);
        if (measure is null)
        {
            return NotFound();
        }

        if (!await ValidateAsync(form, id))
        {
            return EditView(form, id, measure.Status, null, measure.TermsNeedReview);
        }

        var before = MeasureForm.From(measure);
        if (intent == "preview")
        {
            form.ApplyTo(measure);
            return EditView(form, id, measure.Status, PreviewOf(measure), measure.TermsNeedReview);
        }

        form.ApplyTo(measure);
        var changed = MeasureForm.ChangedFields(before, MeasureForm.From(measure));
        if (changed.Count == 0)
        {
            TempData["Notice"] = t["MeasureEditor.NoChange"].Value;
            return RedirectToAction(nameof(Edit), new { id });
        }

        audit.Record("measure.edited", Subject, Invariant(id), $"fields={string.Join(',', changed)}");
        if (!await SaveAsync(measure, form.Version))
        {
            ModelState.AddModelError("", t["MeasureValidation.Concurrency"]);
            return EditView(form, id, measure.Status, null);
        }

        TempData["Notice"] = t["MeasureEditor.Saved"].Value;
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost("{id:int}/publish")]
    public Task<IActionResult> Publish(int id, int version) => ChangeStatusAsync(id, version, MeasureStatus.Published, "measure.published", "MeasureEditor.Published");

    [HttpPost("{id:int}/archive")]
    public Task<IActionResult> Archive(int id, int version) => ChangeStatusAsync(id, version, MeasureStatus.Archived, "measure.archived", "MeasureEditor.Archived");

    [HttpGet("{id:int}/history")]
    public async Task<IActionResult> History(int id)
    {
        var measure = await db.SupportMeasures.AsNoTracking().Where(m => m.Id == id).Select(m => new { m.TitleJa, m.TitleEn }).FirstOrDefaultAsync();
        if (measure is null)
        {
            return NotFound();
        }

        var subjectId = Invariant(id);
        var entries = await (
            from e in db.AuditEvents
            where e.SubjectType == Subject && e.SubjectId == subjectId
            join u in db.Users on e.ActorUserId equals u.Id into actors
            from actor in actors.DefaultIfEmpty()
            orderby e.OccurredAtUtc descending, e.Id descending
            select new MeasureHistoryEntry(e.OccurredAtUtc, actor == null ? e.ActorUserId : actor.DisplayName, e.Action, e.Details))
            .AsNoTracking()
            .ToListAsync();
        var japanese = Infrastructure.Localization.Cultures.IsJapanese(CultureInfo.CurrentUICulture);
        return View(new MeasureHistoryPage(id, japanese ? measure.TitleJa : measure.TitleEn, entries));
    }

    private async Task<IActionResult> ChangeStatusAsync(int id, int version, MeasureStatus status, string action, string notice)
    {
        var measure = await db.SupportMeasures.FirstOrDefaultAsync(m => m.Id == id);
        if (measure is null)
        {
            return NotFound();
        }

        if (measure.Status != status)
        {
            var previous = measure.Status;
            measure.Status = status;
            if (status == MeasureStatus.Published)
            {
                measure.PublishedAtUtc ??= clock.GetUtcNow().UtcDateTime;
                // The businesses it makes eligible hear of it (a job in the same save: it survives a restart).
                db.OutboxMessages.Add(PushMatcher.Job(PushMatcher.MeasurePublished, id, clock.GetUtcNow().UtcDateTime));
            }

            audit.Record(action, Subject, Invariant(id), $"from={previous}");
            if (!await SaveAsync(measure, version))
            {
                TempData["Notice"] = t["MeasureValidation.Concurrency"].Value;
                return RedirectToAction(nameof(Edit), new { id });
            }
        }

        TempData["Notice"] = t[notice].Value;
        return RedirectToAction(nameof(Edit), new { id });
    }

    /// <summary>Saves against the version the editor started from (<see cref="VersionedSave"/>) and refreshes the catalogue.</summary>
    private async Task<bool> SaveAsync(SupportMeasure measure, int startedFrom)
    {
        if (!await db.SaveFromVersionAsync(measure, startedFrom, clock.GetUtcNow().UtcDateTime))
        {
            return false;
        }

        catalogue.Invalidate();
        return true;
    }

    private ViewResult EditView(MeasureForm form, int? id, MeasureStatus status, MeasureDetailPage? preview, bool termsNeedReview = false)
    {
        ViewData[MeasureEditContext.Key] = new MeasureEditContext(id, status, preview, termsNeedReview);
        return View("Edit", form);
    }

    private Task<bool> ValidateAsync(MeasureForm form, int id) =>
        validator.ValidateIntoAsync(form, ModelState, new Dictionary<string, object> { [MeasureFormValidator.MeasureIdKey] = id });

    private MeasureDetailPage PreviewOf(SupportMeasure measure)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new MeasureDetailPage(measure, Acceptance.At(measure.AcceptanceStartUtc, measure.AcceptanceEndUtc, now), now, []);
    }

    private static string Invariant(int id) => id.ToString(CultureInfo.InvariantCulture);
}
