using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Infrastructure.Auditing;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Admin.Verification.VerifyBusiness;

/// <summary>
/// A reviewer confirms a business with the evidence they checked (<see cref="Business.Verify"/>: recorded in the
/// profile's history as verified by staff, and audited). Confirming one already confirmed changes nothing.
/// </summary>
public sealed class VerifyBusinessHandler(SmeDbContext db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> t) : IUseCase
{
    public async Task<Outcome<Unit>> HandleAsync(int businessId, VerificationEvidence? evidence, string staffUserId, CancellationToken cancellationToken = default)
    {
        var business = await db.Businesses.FirstOrDefaultAsync(b => b.Id == businessId, cancellationToken);
        if (business is null)
        {
            return Outcome.NotFound;
        }

        if (evidence is not { } how || !Enum.IsDefined(how))
        {
            return Outcome.Invalid(nameof(evidence), t["Verification.ChooseEvidence"]);
        }

        if (business.Verify(how, new ChangeSource(ProfileSource.VerifiedByStaff, staffUserId, clock.GetUtcNow().UtcDateTime)))
        {
            audit.Record("business.verified", "Business", businessId.ToString(CultureInfo.InvariantCulture), $"evidence={how}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return Outcome.Done();
    }
}
