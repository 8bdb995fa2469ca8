using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Web.Data;
using SmePlatform.Web.Features.Catalogue;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Admin.Measures.Editing;

/// <summary>
/// The catalogue page a measure would have with the form as typed (the editor's preview button): nothing is saved.
/// Done with the page's context and its preview; invalid when the form is; not found for no such measure.
/// </summary>
public sealed class MeasurePreviewQuery(SmeDbContext db, IValidator<MeasureForm> validator, TimeProvider clock) : IUseCase
{
    /// <param name="id">The measure edited, or null for a new one.</param>
    /// <param name="form">The form as typed.</param>
    public async Task<Outcome<MeasureEditContext>> HandleAsync(int? id, MeasureForm form)
    {
        var measure = id is { } known
            ? await db.SupportMeasures.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(m => m.Id == known)
            : new SupportMeasure { Status = MeasureStatus.Draft };
        if (measure is null)
        {
            return Outcome.NotFound;
        }

        var check = await validator.ValidateForAsync(form, id ?? 0);
        if (!check.IsValid)
        {
            return Outcome.Invalid(check.Errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (id is null)
        {
            (measure.CreatedAtUtc, measure.UpdatedAtUtc) = (now, now);
        }

        form.ApplyTo(measure);
        var preview = new MeasureDetailPage(measure, Acceptance.At(measure.AcceptanceStartUtc, measure.AcceptanceEndUtc, now), now, []);
        return Outcome.Done(new MeasureEditContext(id, measure.Status, preview, id is not null && measure.TermsNeedReview));
    }
}
