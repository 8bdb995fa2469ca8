using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Businesses;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Businesses.ShowProfile;

/// <summary>The profile page: the business, its SME class and why, and where each value came from.</summary>
public sealed class ProfilePageQuery(SmeDbContext db, SmeDefinition sme, ProfileHistory history) : IUseCase
{
    public async Task<ProfilePage> HandleAsync(int businessId, BusinessMember membership, CancellationToken cancellationToken = default)
    {
        var business = await BusinessAsync(businessId, cancellationToken);
        return new ProfilePage(business, membership, sme.Classify(business.Facts), await history.SourcesAsync(businessId, cancellationToken));
    }

    /// <summary>The business as its forms start from (the scope filter has already found the membership, so it exists).</summary>
    public Task<Business> BusinessAsync(int businessId, CancellationToken cancellationToken = default) =>
        db.Businesses.AsNoTracking().FirstAsync(b => b.Id == businessId, cancellationToken);
}
