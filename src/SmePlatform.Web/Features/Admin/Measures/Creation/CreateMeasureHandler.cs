using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Web.Data;
using SmePlatform.Web.Features.Admin.Measures.Editing;
using SmePlatform.Web.Features.Catalogue;
using SmePlatform.Web.Infrastructure.Auditing;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Admin.Measures.Creation;

/// <summary>An Administrator adds a measure to the catalogue, as a draft (<see cref="MeasureForm"/>): audited; done with its id.</summary>
public sealed class CreateMeasureHandler(
    SmeDbContext db, CatalogueIndex catalogue, AuditLog audit, TimeProvider clock, IValidator<MeasureForm> validator) : IUseCase
{
    public async Task<Outcome<int>> HandleAsync(MeasureForm form)
    {
        var check = await validator.ValidateForAsync(form, 0);
        if (!check.IsValid)
        {
            return Outcome.Invalid(check.Errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var measure = new SupportMeasure { Status = MeasureStatus.Draft, CreatedAtUtc = now, UpdatedAtUtc = now };
        form.ApplyTo(measure);

        // The audit entry names the new id, so it is written after the measure, in the same transaction.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.SupportMeasures.Add(measure);
            await db.SaveChangesAsync();
            audit.Record("measure.created", MeasureAudit.Subject, MeasureAudit.SubjectId(measure.Id), $"slug={measure.Slug}");
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        });
        catalogue.Invalidate();
        return Outcome.Done(measure.Id);
    }
}
