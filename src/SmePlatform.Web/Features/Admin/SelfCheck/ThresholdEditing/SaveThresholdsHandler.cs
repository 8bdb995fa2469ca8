using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.ReferenceData;
using SmePlatform.Web.Data.SelfCheck;
using SmePlatform.Web.Infrastructure.Auditing;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Admin.SelfCheck.ThresholdEditing;

/// <summary>
/// Loads an indicator's thresholds for an industry (<see cref="ThresholdForm"/>), or changes those on record, against the
/// version the form showed: audited; a conflict when someone else saved first; not found for an industry or indicator
/// that is not one.
/// </summary>
public sealed class SaveThresholdsHandler(
    SmeDbContext db, ReferenceCatalog reference, AuditLog audit, TimeProvider clock, IValidator<ThresholdForm> validator) : IUseCase
{
    private const string Subject = "BenchmarkThreshold";

    public async Task<Outcome<Unit>> HandleAsync(string industry, string indicator, ThresholdForm form)
    {
        if (!reference.Majors.Any(m => m.Code == industry) || ThresholdEditQuery.Parse(indicator) is not { } which)
        {
            return Outcome.NotFound;
        }

        var row = await db.BenchmarkThresholds.FirstOrDefaultAsync(r => r.Industry == industry && r.Indicator == which);
        var check = await validator.ValidateAsync(form);
        if (!check.IsValid)
        {
            return Outcome.Invalid(check.Errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        bool saved;
        if (row is null)
        {
            row = new BenchmarkThreshold { Industry = industry, Indicator = which };
            form.ApplyTo(row);
            db.BenchmarkThresholds.Add(row);
            audit.Record("benchmark.thresholds.added", Subject, $"{industry}/{which}", $"industry={industry};indicator={which}");
            saved = await FirstSave.SaveNewAsync(db, row, form.Version, now);
        }
        else
        {
            form.ApplyTo(row);
            audit.Record("benchmark.thresholds.edited", Subject, $"{industry}/{which}", $"industry={industry};indicator={which}");
            saved = await db.SaveFromVersionAsync(row, form.Version, now);
        }

        return saved ? Outcome.Done() : Outcome.Conflict;
    }
}
