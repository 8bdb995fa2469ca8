using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Web.Data;
using SmePlatform.Web.Infrastructure.Localization;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Admin.Measures.ChangeHistory;

/// <summary>A measure's audited changes, newest first, with who made each; null for no such measure.</summary>
public sealed class MeasureHistoryQuery(SmeDbContext db) : IUseCase
{
    public async Task<MeasureHistoryPage?> HandleAsync(int id)
    {
        var measure = await db.SupportMeasures.AsNoTracking().Where(m => m.Id == id).Select(m => new { m.TitleJa, m.TitleEn }).FirstOrDefaultAsync();
        if (measure is null)
        {
            return null;
        }

        var subjectId = MeasureAudit.SubjectId(id);
        var entries = await (
            from e in db.AuditEvents
            where e.SubjectType == MeasureAudit.Subject && e.SubjectId == subjectId
            join u in db.Users on e.ActorUserId equals u.Id into actors
            from actor in actors.DefaultIfEmpty()
            orderby e.OccurredAtUtc descending, e.Id descending
            select new MeasureHistoryEntry(e.OccurredAtUtc, actor == null ? e.ActorUserId : actor.DisplayName, e.Action, e.Details))
            .AsNoTracking()
            .ToListAsync();
        return new MeasureHistoryPage(id, Cultures.IsJapanese(CultureInfo.CurrentUICulture) ? measure.TitleJa : measure.TitleEn, entries);
    }
}
