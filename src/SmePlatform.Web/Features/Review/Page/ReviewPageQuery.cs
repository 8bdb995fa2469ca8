using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Applications;
using SmePlatform.Domain.Integrity;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Applications;
using SmePlatform.Web.Features.Applications;
using SmePlatform.Web.Features.Applications.Timeline;
using SmePlatform.Web.Features.Integrity;
using SmePlatform.Web.Features.Recommendations;
using SmePlatform.Web.Features.Review.Decide;
using SmePlatform.Web.Features.Review.Grant;
using SmePlatform.Web.Features.Review.Payment;
using SmePlatform.Web.Features.Review.Report;
using SmePlatform.Web.Infrastructure.Auditing;
using SmePlatform.Web.Infrastructure.Localization;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Review.Page;

/// <summary>
/// One application as a reviewer sees it (<see cref="ReviewPage"/>): as submitted, with the checks at submission, its
/// integrity flags, its timeline, the reviewers it may be assigned to, and each form open to it now. Null: no such application.
/// </summary>
public sealed class ReviewPageQuery(
    SmeDbContext db, ApplicationStore store, ApplicationTimeline timeline, IntegrityInspector inspector, AuditLog audit, TimeProvider clock,
    IStringLocalizer<SharedResource> t) : IUseCase
{
    /// <summary>
    /// The page as a reviewer opens it: the view is audited, and the integrity checks run again first, so what changed
    /// since (another claim, a profile) is seen now.
    /// </summary>
    public async Task<ReviewPage?> HandleAsync(int applicationId, CancellationToken cancellationToken = default)
    {
        if (await store.LoadForStaffAsync(applicationId, cancellationToken: cancellationToken) is not { } file)
        {
            return null;
        }

        audit.Record("application.viewed", "Application", applicationId.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(cancellationToken);
        await inspector.RaiseAsync(applicationId, await inspector.InspectAsync(applicationId, cancellationToken: cancellationToken), FlagSource.Review, cancellationToken);
        return await PageAsync(file, TypedForms.None, cancellationToken);
    }

    /// <summary>
    /// The page again after a form did not go through, with what was typed kept. <paramref name="refused"/>: someone
    /// else changed the application first (or the move is not open to it now); the decision and grant forms then stand
    /// on the state just read, and the decision typed is shown even where its form is gone.
    /// </summary>
    public async Task<ReviewPage?> AgainAsync(int applicationId, TypedForms typed, bool refused = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(typed);
        if (await store.LoadForStaffAsync(applicationId, cancellationToken: cancellationToken) is not { } file)
        {
            return null;
        }

        if (!refused)
        {
            return await PageAsync(file, typed, cancellationToken);
        }

        if (typed.Decision is { } decision)
        {
            decision.Version = file.Application.Version;
        }

        if (typed.Grant is { } grant)
        {
            grant.Version = file.Application.Version;
        }

        return await PageAsync(file, typed, cancellationToken) with { Unrecorded = typed.Decision };
    }

    private async Task<ReviewPage> PageAsync(ApplicationFile file, TypedForms typed, CancellationToken cancellationToken)
    {
        var application = file.Application;
        var latest = await db.Submissions.AsNoTracking().Where(s => s.ApplicationId == application.Id).OrderByDescending(s => s.Round).FirstOrDefaultAsync(cancellationToken);
        var submitted = latest is null ? null : SubmittedContent.Parse(latest.Content);
        var checks = submitted is null
            ? []
            : CalculatedChecks.Run(file.TermsOf(submitted).Outcome, file.Window, [.. submitted.Expenses.Select(e => e.AmountYen)], submitted.RequestedYen, submitted.SubmittedAtUtc);
        var stages = await timeline.HandleAsync(application.Id, cancellationToken);
        var reviewers = await Reviewers.ListAsync(db, cancellationToken);
        var assignee = reviewers.FirstOrDefault(r => r.Id == application.AssigneeUserId).Name;
        // A fresh form carries the version shown; one that came back keeps what was typed and its version.
        var decision = typed.Decision ?? new DecisionForm { Version = application.Version };
        var grant = typed.Grant ?? new GrantForm { Version = application.Version, GrantedYen = application.RequestedYen is { } requested ? Display.YenInField(requested) : null };
        while (decision.Fields.Count < DecisionForm.FieldRows)
        {
            decision.Fields.Add(new FieldReasonForm());
        }

        var report = ReportCheck.Of(file, submitted, clock.GetUtcNow().UtcDateTime);
        return new ReviewPage(
            file, submitted, checks, stages, reviewers, assignee, decision, grant, EligibilitySnapshot.Parse(latest?.Eligibility), await FlagsAsync(application.Id, cancellationToken))
        {
            ReportCheck = report,
            Report = typed.Report ?? new ReportDecisionForm { Version = application.Version, PayableYen = Display.YenInField(report.PayableLimitYen) },
            Payment = typed.Payment ?? new PaymentForm { Version = application.Version },
        };
    }

    /// <summary>The application's flags, open ones first and the weightiest first, with their evidence in words.</summary>
    private async Task<IReadOnlyList<FlagView>> FlagsAsync(int applicationId, CancellationToken cancellationToken)
    {
        var flags = await db.IntegrityFlags.AsNoTracking().Where(f => f.ApplicationId == applicationId).ToListAsync(cancellationToken);
        var otherIds = flags.Select(f => f.OtherApplicationId).OfType<int>().Distinct().ToList();
        var numbers = await db.Applications.Where(a => otherIds.Contains(a.Id)).Select(a => new { a.Id, a.Number }).ToDictionaryAsync(a => a.Id, a => a.Number, cancellationToken);
        var businessIds = flags.SelectMany(f => Ids(f.OtherBusinessIds)).Distinct().ToList();
        var names = await db.Businesses.Where(b => businessIds.Contains(b.Id)).Select(b => new { b.Id, b.Name }).ToDictionaryAsync(b => b.Id, b => b.Name, cancellationToken);
        return [.. flags
            .OrderBy(f => f.State != FlagState.Open).ThenByDescending(f => f.Severity).ThenBy(f => f.Id)
            .Select(f => new FlagView(
                f, FlagText.Explain(t, f.Explanation, f.Values), f.OtherApplicationId is { } other ? numbers.GetValueOrDefault(other) : null,
                f.Lines is null ? [] : JsonSerializer.Deserialize<LineMatch[]>(f.Lines) ?? [],
                [.. Ids(f.OtherBusinessIds).Select(id => names.GetValueOrDefault(id) ?? "")]))];
    }

    private static int[] Ids(string? json) => json is null ? [] : JsonSerializer.Deserialize<int[]>(json) ?? [];
}
