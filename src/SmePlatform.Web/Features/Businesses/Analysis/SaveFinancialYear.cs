using FluentValidation;
using SmePlatform.Web.Data;
using SmePlatform.Web.Features.Businesses.EditProfile;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Businesses.Analysis;

/// <summary>
/// A fiscal year's statements (<see cref="FinancialYearForm"/>, checked by <see cref="FinancialYearFormValidator"/>):
/// a new closing date adds a year, a known one is revised; each figure changed is recorded.
/// </summary>
public sealed class SaveFinancialYearHandler(SmeDbContext db, IValidator<FinancialYearForm> validator, TimeProvider clock) : IUseCase
{
    public async Task<Outcome<Unit>> HandleAsync(int businessId, FinancialYearForm form, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = await validator.ValidateAsync(form, cancellationToken);
        if (!result.IsValid)
        {
            return Outcome.Invalid(result.Errors);
        }

        if (await db.WithAnalysisAsync(businessId, cancellationToken) is not { } business)
        {
            return Outcome.NotFound;
        }

        business.SaveFinancialYear(form.ToFinancialYear(), ProfileEditing.SelfDeclared(userId, clock));
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done();
    }
}
