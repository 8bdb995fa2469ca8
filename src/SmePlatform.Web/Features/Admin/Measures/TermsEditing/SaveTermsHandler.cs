using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmePlatform.Web.Data;
using SmePlatform.Web.Features.Catalogue;
using SmePlatform.Web.Infrastructure.Auditing;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Admin.Measures.TermsEditing;

/// <summary>
/// An Administrator saves a measure's terms as rows (<see cref="TermsForm"/>, docs/terms.md): each field's own rules
/// first, then the terms as a whole (no overlapping rows, no gaps between employee brackets, no broken bands), beside
/// the row. Saved against the version the editor started from (a conflict when someone else saved first), confirming
/// terms an import marked 要確認; audited; the public catalogue refreshed.
/// </summary>
public sealed class SaveTermsHandler(
    SmeDbContext db, CatalogueIndex catalogue, AuditLog audit, TimeProvider clock, IValidator<TermsForm> validator, IStringLocalizer<SharedResource> t) : IUseCase
{
    public async Task<Outcome<Unit>> HandleAsync(int id, TermsForm form)
    {
        if (await db.SupportMeasures.FirstOrDefaultAsync(m => m.Id == id) is not { } measure)
        {
            return Outcome.NotFound;
        }

        var check = await validator.ValidateAsync(form);
        var problems = check.IsValid ? TermsFormValidator.TermsProblems(form, t).Select(p => new FluentValidation.Results.ValidationFailure(p.Field, p.Message)).ToList() : [];
        if (!check.IsValid || problems.Count > 0)
        {
            return Outcome.Invalid([.. check.Errors, .. problems]);
        }

        var terms = form.ToTerms();
        measure.SetTerms(terms);
        audit.Record("measure.terms-edited", MeasureAudit.Subject, MeasureAudit.SubjectId(id),
            string.Create(CultureInfo.InvariantCulture, $"rows={terms.Rows.Count},tracks={terms.Tracks.Count},topUps={terms.TopUps.Count}"));
        if (!await db.SaveFromVersionAsync(measure, form.Version, clock.GetUtcNow().UtcDateTime))
        {
            return Outcome.Conflict;
        }

        catalogue.Invalidate();
        return Outcome.Done();
    }
}
