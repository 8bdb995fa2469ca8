using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Web.Data;
using SmePlatform.Web.Features.Catalogue;
using SmePlatform.Web.Features.Notices;
using SmePlatform.Web.Infrastructure.Auditing;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Admin.Measures.Publication;

/// <summary>
/// An Administrator publishes or archives a measure, against the version the editor showed: audited with the status it
/// had; a measure published for the first time tells the businesses it makes eligible (a push job in the same save, so
/// it survives a restart). Already so: done, nothing written. A conflict when someone else saved first.
/// </summary>
public sealed class ChangeMeasureStatusHandler(SmeDbContext db, CatalogueIndex catalogue, AuditLog audit, TimeProvider clock) : IUseCase
{
    public async Task<Outcome<Unit>> HandleAsync(int id, int version, MeasureStatus status)
    {
        var measure = await db.SupportMeasures.FirstOrDefaultAsync(m => m.Id == id);
        if (measure is null)
        {
            return Outcome.NotFound;
        }

        if (measure.Status == status)
        {
            return Outcome.Done();
        }

        var previous = measure.Status;
        var now = clock.GetUtcNow().UtcDateTime;
        measure.Status = status;
        if (status == MeasureStatus.Published)
        {
            measure.PublishedAtUtc ??= now;
            db.OutboxMessages.Add(PushMatcher.Job(PushMatcher.MeasurePublished, id, now));
        }

        var action = status == MeasureStatus.Published ? "measure.published" : "measure.archived";
        audit.Record(action, MeasureAudit.Subject, MeasureAudit.SubjectId(id), $"from={previous}");
        if (!await db.SaveFromVersionAsync(measure, version, now))
        {
            return Outcome.Conflict;
        }

        catalogue.Invalidate();
        return Outcome.Done();
    }
}
