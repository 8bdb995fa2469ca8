using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Applications;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Applications.Start;

/// <summary>
/// Where an application begins: a published measure with an application form here, and the person's businesses, by name.
/// Null for a measure applied for elsewhere (<see cref="PublishedElsewhereAsync"/>) or none.
/// </summary>
public sealed class StartQuery(SmeDbContext db, ApplicationStore store) : IUseCase
{
    public async Task<StartPage?> RunAsync(string measure, string userId, CancellationToken cancellationToken = default)
    {
        if (await MeasureWithFormAsync(measure, cancellationToken) is not { } found)
        {
            return null;
        }

        var businesses = await db.BusinessMembers.AsNoTracking().Where(m => m.UserId == userId)
            .Join(db.Businesses, m => m.BusinessId, b => b.Id, (m, b) => b).OrderBy(b => b.Name).ToListAsync(cancellationToken);
        return new StartPage(found.Measure, businesses);
    }

    /// <summary>Whether a measure without a form here is published: it is applied for elsewhere, and its page says how and where.</summary>
    public Task<bool> PublishedElsewhereAsync(string measure, CancellationToken cancellationToken = default) =>
        db.SupportMeasures.AsNoTracking().AnyAsync(m => m.Slug == measure && m.Status == MeasureStatus.Published, cancellationToken);

    /// <summary>The published measure of the slug with the form a new application gets; null when there is none or it takes no applications here.</summary>
    public async Task<(SupportMeasure Measure, ApplicationForm Form)?> MeasureWithFormAsync(string? slug, CancellationToken cancellationToken = default)
    {
        var measure = await db.SupportMeasures.AsNoTracking().FirstOrDefaultAsync(m => m.Slug == slug && m.Status == MeasureStatus.Published, cancellationToken);
        if (measure is null || await store.CurrentFormAsync(measure.Id, cancellationToken) is not { } form)
        {
            return null;
        }

        return (measure, form);
    }
}
