using Microsoft.EntityFrameworkCore;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Businesses;

namespace SmePlatform.Web.Features.Businesses;

/// <summary>
/// The one place that answers "may partner P read group G of business B now?". The default is no; yes needs a
/// grant that is neither revoked nor expired. Every question is logged with its answer, and the Owner sees the log.
/// (The partner-facing API that reads through this comes in a later issue.)
/// </summary>
public sealed class ConsentLedger(SmeDbContext db, TimeProvider clock)
{
    public async Task<bool> MayReadAsync(int partnerId, int businessId, ItemGroup group, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var grant = await db.ConsentGrants.AsNoTracking()
            .Where(g => g.BusinessId == businessId && g.PartnerId == partnerId && g.Group == group && g.RevokedAtUtc == null && g.ExpiresAtUtc > now)
            .OrderByDescending(g => g.ExpiresAtUtc)
            .FirstOrDefaultAsync(cancellationToken);
        db.ConsentReads.Add(new ConsentRead
        {
            BusinessId = businessId,
            PartnerId = partnerId,
            Group = group,
            ReadAtUtc = now,
            Allowed = grant is not null,
            GrantId = grant?.Id,
        });
        await db.SaveChangesAsync(cancellationToken);
        return grant is not null;
    }
}
