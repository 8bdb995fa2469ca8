using SmePlatform.Domain.Applications;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Applications.Withdraw;

/// <param name="BusinessId">The business in the route: the application must be its own.</param>
/// <param name="ApplicationId">The application.</param>
/// <param name="Version">The application's version on the page the person withdrew from.</param>
/// <param name="Reason">Why, if they said (kept with the move).</param>
/// <param name="Membership">The signed-in person's membership of the business (the right to submit is the right to withdraw).</param>
/// <param name="UserId">Who does it (recorded with what is saved).</param>
public sealed record WithdrawCommand(int BusinessId, int ApplicationId, int Version, string? Reason, BusinessMember Membership, string UserId);

/// <summary>
/// Withdraws an application before a decision (the Owner, or a Member with the submit right), as a move of its
/// lifecycle (<see cref="ApplicationMoves"/>: recorded with who, when and why, told to the business). Not allowed to a
/// member without the right; a conflict when the application is no longer where the page showed it (withdrawn,
/// decided, or changed since); another business's application is not found.
/// </summary>
public sealed class WithdrawHandler(ApplicationStore store, ApplicationMoves moves) : IUseCase
{
    public async Task<Outcome<Unit>> HandleAsync(WithdrawCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (await store.LoadAsync(command.BusinessId, command.ApplicationId, tracked: true, cancellationToken) is not { } file)
        {
            return Outcome.NotFound;
        }

        if (!command.Membership.MaySubmitFor(file.Business))
        {
            return Outcome.NotAllowed;
        }

        var reason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim();
        var moved = await moves.MoveAsync(file, command.Version, ApplicationStatus.Withdrawn, command.UserId, reason, byStaff: false);
        return moved == MoveOutcome.Done ? Outcome.Done() : Outcome.Conflict;
    }
}
