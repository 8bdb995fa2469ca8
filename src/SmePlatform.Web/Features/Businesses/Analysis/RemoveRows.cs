using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Features.Businesses.EditProfile;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Businesses.Analysis;

/// <summary>Removes a fiscal year of the business (its figures recorded as gone); another business's year is not found.</summary>
public sealed class RemoveFinancialYearHandler(SmeDbContext db, TimeProvider clock) : IUseCase
{
    public Task<Outcome<Unit>> HandleAsync(int businessId, int yearId, string userId, CancellationToken cancellationToken = default) =>
        db.RemoveRowAsync(businessId, (business, source) => business.RemoveFinancialYear(yearId, source), ProfileEditing.SelfDeclared(userId, clock), cancellationToken);
}

/// <summary>Removes a shareholder of the business (recorded as gone); another business's is not found.</summary>
public sealed class RemoveShareholderHandler(SmeDbContext db, TimeProvider clock) : IUseCase
{
    public Task<Outcome<Unit>> HandleAsync(int businessId, int shareholderId, string userId, CancellationToken cancellationToken = default) =>
        db.RemoveRowAsync(businessId, (business, source) => business.RemoveShareholder(shareholderId, source), ProfileEditing.SelfDeclared(userId, clock), cancellationToken);
}

/// <summary>Removes an officer of the business (recorded as gone); another business's is not found.</summary>
public sealed class RemoveOfficerHandler(SmeDbContext db, TimeProvider clock) : IUseCase
{
    public Task<Outcome<Unit>> HandleAsync(int businessId, int officerId, string userId, CancellationToken cancellationToken = default) =>
        db.RemoveRowAsync(businessId, (business, source) => business.RemoveOfficer(officerId, source), ProfileEditing.SelfDeclared(userId, clock), cancellationToken);
}

internal static class RowRemoval
{
    public static async Task<Outcome<Unit>> RemoveRowAsync(
        this SmeDbContext db, int businessId, Func<Business, ChangeSource, bool> remove, ChangeSource source, CancellationToken cancellationToken)
    {
        if (await db.WithAnalysisAsync(businessId, cancellationToken) is not { } business || !remove(business, source))
        {
            return Outcome.NotFound;
        }

        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done();
    }
}
