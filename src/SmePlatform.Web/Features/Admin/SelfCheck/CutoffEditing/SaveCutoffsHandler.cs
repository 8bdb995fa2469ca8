using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.SelfCheck;
using SmePlatform.Web.Infrastructure.Auditing;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Admin.SelfCheck.CutoffEditing;

/// <summary>
/// Loads the rank cut-offs (<see cref="CutoffsForm"/>), or changes those on record, against the version the form showed:
/// audited; a conflict when someone else saved first.
/// </summary>
public sealed class SaveCutoffsHandler(SmeDbContext db, AuditLog audit, TimeProvider clock, IValidator<CutoffsForm> validator) : IUseCase
{
    private const string Subject = "BenchmarkRankCutoffs";

    public async Task<Outcome<Unit>> HandleAsync(CutoffsForm form)
    {
        var check = await validator.ValidateAsync(form);
        if (!check.IsValid)
        {
            return Outcome.Invalid(check.Errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.BenchmarkRankCutoffs.FirstOrDefaultAsync();
        bool saved;
        if (row is null)
        {
            row = new BenchmarkRankCutoffs();
            form.ApplyTo(row);
            db.BenchmarkRankCutoffs.Add(row);
            audit.Record("benchmark.cutoffs.added", Subject, Invariant(row.Id), $"a={row.A};b={row.B};c={row.C}");
            saved = await FirstSave.SaveNewAsync(db, row, form.Version, now);
        }
        else
        {
            form.ApplyTo(row);
            audit.Record("benchmark.cutoffs.edited", Subject, Invariant(row.Id), $"a={row.A};b={row.B};c={row.C}");
            saved = await db.SaveFromVersionAsync(row, form.Version, now);
        }

        return saved ? Outcome.Done() : Outcome.Conflict;
    }

    private static string Invariant(int id) => id.ToString(CultureInfo.InvariantCulture);
}
