using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Applications;
using SmePlatform.Domain.Integrity;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Applications;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Review.Queue;

/// <summary>
/// The reviewers' queue: the submitted applications still open (or of one status), filtered by measure, assignee, age
/// and open integrity flag, oldest submission first, a page at a time.
/// </summary>
public sealed class ReviewQueueQuery(SmeDbContext db, TimeProvider clock) : IUseCase
{
    private static readonly ApplicationStatus[] InQueue =
        [
            ApplicationStatus.Submitted, ApplicationStatus.Resubmitted, ApplicationStatus.UnderReview, ApplicationStatus.ReturnedForCorrection, ApplicationStatus.Selected,
            ApplicationStatus.ReportSubmitted, ApplicationStatus.AmountConfirmed,
        ];

    /// <param name="query">The filters and page.</param>
    /// <param name="userId">The signed-in reviewer (whom <see cref="ReviewQuery.Me"/> means).</param>
    /// <param name="cancellationToken">Stops the reads.</param>
    public async Task<QueuePage> HandleAsync(ReviewQuery query, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var now = clock.GetUtcNow().UtcDateTime;
        var applications = Filtered(query, userId, now);
        var page = Math.Max(1, query.Page);
        // Counted up to a limit: beyond it the page says "more than 1,000" (an exact count of every open
        // application costs a scan of them all on each view, for a number nobody reads exactly).
        var total = await applications.Take(ReviewQuery.CountLimit + 1).CountAsync(cancellationToken);
        var pageOfApplications = applications
            .OrderBy(a => a.SubmittedAtUtc).ThenBy(a => a.Id)
            .Skip((page - 1) * ReviewQuery.PageSize).Take(ReviewQuery.PageSize + 1);
        var items = await (
            from a in pageOfApplications
            join m in db.SupportMeasures on a.MeasureId equals m.Id
            join b in db.Businesses on a.BusinessId equals b.Id
            join u in db.Users on a.AssigneeUserId equals u.Id into assignees
            from u in assignees.DefaultIfEmpty()
            orderby a.SubmittedAtUtc, a.Id
            select new QueueItem(a.Id, a.Number, m.TitleJa, m.TitleEn, b.Name, a.Status, a.SubmittedAtUtc, u == null ? null : u.DisplayName))
            .ToListAsync(cancellationToken);
        var measures = await db.ApplicationForms.AsNoTracking().Select(f => f.MeasureId).Distinct()
            .Join(db.SupportMeasures, id => id, m => m.Id, (id, m) => new { m.Id, m.TitleJa, m.TitleEn })
            .ToListAsync(cancellationToken);
        return new QueuePage(query with { Page = page }, items, total, [.. measures.Select(m => (m.Id, m.TitleJa, m.TitleEn))], now);
    }

    private IQueryable<Data.Applications.Application> Filtered(ReviewQuery query, string userId, DateTime now)
    {
        // Submitted ones only (a draft has no submission instant): lets the database walk the submission-order index.
        var applications = db.Applications.AsNoTracking().Where(a => a.SubmittedAtUtc != null);
        applications = query.Status is { } status ? applications.Where(a => a.Status == status) : applications.Where(a => InQueue.Contains(a.Status));
        if (query.Measure is { } measureId)
        {
            applications = applications.Where(a => a.MeasureId == measureId);
        }

        applications = query.Assignee switch
        {
            ReviewQuery.Me => applications.Where(a => a.AssigneeUserId == userId),
            ReviewQuery.Nobody => applications.Where(a => a.AssigneeUserId == null),
            { Length: > 0 } someone => applications.Where(a => a.AssigneeUserId == someone),
            _ => applications,
        };
        // Flagged ones are few: read from the flags' (state, rule) index, not by probing every open application.
        var open = db.IntegrityFlags.Where(f => f.State == FlagState.Open);
        if (query.Flag == ReviewQuery.AnyFlag)
        {
            applications = applications.Where(a => open.Select(f => f.ApplicationId).Contains(a.Id));
        }
        else if (Enum.TryParse<IntegrityRule>(query.Flag, out var rule) && Enum.IsDefined(rule))
        {
            applications = applications.Where(a => open.Where(f => f.Rule == rule).Select(f => f.ApplicationId).Contains(a.Id));
        }

        if (query.OlderThanDays is > 0 and var days)
        {
            var before = now.AddDays(-days);
            applications = applications.Where(a => a.SubmittedAtUtc < before);
        }

        return applications;
    }
}
