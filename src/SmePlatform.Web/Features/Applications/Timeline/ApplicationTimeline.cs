using Microsoft.EntityFrameworkCore;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Applications;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Applications.Timeline;

/// <summary>
/// An application's timeline, read the same way for the applicant's page and the reviewer's: each stage it went
/// through, when it began, how long it lasted (to the next move, or to now for the current one) and why.
/// </summary>
public sealed class ApplicationTimeline(SmeDbContext db, TimeProvider clock) : IUseCase
{
    /// <summary>The application's stages in the order they happened (an unknown id has none).</summary>
    public async Task<IReadOnlyList<TimelineEntry>> HandleAsync(int applicationId, CancellationToken cancellationToken = default)
    {
        var transitions = await db.ApplicationTransitions.AsNoTracking()
            .Where(x => x.ApplicationId == applicationId).OrderBy(x => x.AtUtc).ThenBy(x => x.Id)
            .ToListAsync(cancellationToken);
        return Of(transitions, clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>Each stage with the time spent in it: to the next move, or to now for the current one.</summary>
    /// <param name="transitions">The application's moves, oldest first.</param>
    /// <param name="nowUtc">Now: the end of the current stage.</param>
    public static IReadOnlyList<TimelineEntry> Of(IReadOnlyList<ApplicationTransition> transitions, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(transitions);
        return [.. transitions.Select((x, i) => new TimelineEntry(x.To, x.AtUtc, (i + 1 < transitions.Count ? transitions[i + 1].AtUtc : nowUtc) - x.AtUtc, x.Reason))];
    }
}
