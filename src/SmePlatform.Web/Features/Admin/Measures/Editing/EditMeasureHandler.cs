using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Web.Data;
using SmePlatform.Web.Features.Catalogue;
using SmePlatform.Web.Infrastructure.Auditing;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Admin.Measures.Editing;

/// <summary>
/// An Administrator saves a measure's fields (<see cref="MeasureForm"/>) against the version the editor started from:
/// audited with the fields it changed, and the public catalogue refreshed. Done with whether anything changed; a
/// conflict when someone else saved first; not found for no such measure.
/// </summary>
public sealed class EditMeasureHandler(
    SmeDbContext db, CatalogueIndex catalogue, AuditLog audit, TimeProvider clock, IValidator<MeasureForm> validator) : IUseCase
{
    public async Task<Outcome<bool>> HandleAsync(int id, MeasureForm form)
    {
        var measure = await db.SupportMeasures.AsSplitQuery().FirstOrDefaultAsync(m => m.Id == id);
        if (measure is null)
        {
            return Outcome.NotFound;
        }

        var check = await validator.ValidateForAsync(form, id);
        if (!check.IsValid)
        {
            return Outcome.Invalid(check.Errors);
        }

        var before = MeasureForm.From(measure);
        form.ApplyTo(measure);
        var changed = MeasureForm.ChangedFields(before, MeasureForm.From(measure));
        if (changed.Count == 0)
        {
            return Outcome.Done(false);
        }

        audit.Record("measure.edited", MeasureAudit.Subject, MeasureAudit.SubjectId(id), $"fields={string.Join(',', changed)}");
        if (!await db.SaveFromVersionAsync(measure, form.Version, clock.GetUtcNow().UtcDateTime))
        {
            return Outcome.Conflict;
        }

        catalogue.Invalidate();
        return Outcome.Done(true);
    }
}
