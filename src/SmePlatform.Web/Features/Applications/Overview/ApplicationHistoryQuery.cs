using Microsoft.EntityFrameworkCore;
using SmePlatform.Web.Data;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Applications.Overview;

/// <summary>An application of the business with its moves and receipts; null for another business's (404).</summary>
public sealed class ApplicationHistoryQuery(SmeDbContext db, ApplicationStore store) : IUseCase
{
    public async Task<ApplicationHistory?> RunAsync(int businessId, int applicationId, CancellationToken cancellationToken = default)
    {
        if (await store.LoadAsync(businessId, applicationId, cancellationToken: cancellationToken) is not { } file)
        {
            return null;
        }

        var transitions = await db.ApplicationTransitions.AsNoTracking().Where(x => x.ApplicationId == applicationId)
            .OrderBy(x => x.AtUtc).ThenBy(x => x.Id).ToListAsync(cancellationToken);
        var receipts = await db.Submissions.AsNoTracking().Where(s => s.ApplicationId == applicationId).OrderBy(s => s.Round).ToListAsync(cancellationToken);
        return new ApplicationHistory(file, transitions, receipts);
    }
}
