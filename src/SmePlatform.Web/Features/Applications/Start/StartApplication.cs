using Microsoft.EntityFrameworkCore;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Applications;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Applications.Start;

/// <param name="Measure">The measure's slug.</param>
/// <param name="BusinessId">The business chosen to apply, one the person is a member of.</param>
/// <param name="UserId">Who does it (recorded with what is saved).</param>
public sealed record StartApplicationCommand(string? Measure, int BusinessId, string UserId);

/// <summary>
/// Makes the business's draft for a measure with a form here, or opens the draft it already has for it (one draft
/// each: <see cref="ApplicationStore.StartAsync"/>). A measure without a form, or a business the person is not a member
/// of, is not found.
/// </summary>
public sealed class StartApplicationHandler(SmeDbContext db, ApplicationStore store, StartQuery measures) : IUseCase
{
    public async Task<Outcome<Application>> HandleAsync(StartApplicationCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var found = await measures.MeasureWithFormAsync(command.Measure, cancellationToken);
        if (found is null || !await db.BusinessMembers.AnyAsync(m => m.BusinessId == command.BusinessId && m.UserId == command.UserId, cancellationToken))
        {
            return Outcome.NotFound;
        }

        return Outcome.Done(await store.StartAsync(command.BusinessId, found.Value.Measure, found.Value.Form, command.UserId, cancellationToken));
    }
}
