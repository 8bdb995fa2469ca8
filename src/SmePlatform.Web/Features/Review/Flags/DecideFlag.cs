using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Applications;
using SmePlatform.Web.Features.Applications;
using SmePlatform.Web.Features.Review.Page;
using SmePlatform.Web.Infrastructure.Auditing;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Review.Flags;

/// <summary>A reviewer's decision on an open integrity flag: a real problem (<see cref="Confirm"/>) or not (<see cref="Dismiss"/>, with a reason).</summary>
/// <param name="ApplicationId">The flagged application.</param>
/// <param name="FlagId">The flag.</param>
/// <param name="Decision"><see cref="Confirm"/> or <see cref="Dismiss"/> (the button pressed).</param>
/// <param name="Reason">The reason as typed in the flag's own field (<see cref="FlagView.ReasonFieldOf"/>).</param>
/// <param name="Version">The flag's version the page showed.</param>
public sealed record FlagDecision(int ApplicationId, long FlagId, string? Decision, string? Reason, int Version)
{
    public const string Confirm = "confirm";
    public const string Dismiss = "dismiss";

    /// <summary>The flag's state after the decision; null for a decision the page does not offer.</summary>
    public FlagState? State => Decision switch { Confirm => FlagState.Confirmed, Dismiss => FlagState.Dismissed, _ => null };

    /// <summary>The reason without the spaces around it.</summary>
    public string Why => Reason?.Trim() ?? "";

    /// <summary>The name of the reason's field on the page, where its error is shown.</summary>
    public string ReasonField => FlagView.ReasonFieldOf(FlagId);
}

/// <summary>Confirm or dismiss (anything else is a bad request); a dismissal says why; a reason of at most 2,000 characters.</summary>
public sealed class FlagDecisionValidator : AbstractValidator<FlagDecision>
{
    public FlagDecisionValidator(IStringLocalizer<SharedResource> t)
    {
        RuleFor(c => c.State).NotNull().WithErrorCode(Unreadable.Code);
        RuleFor(c => c.Why).Custom((reason, context) =>
        {
            var command = context.InstanceToValidate;
            if (command.State == FlagState.Dismissed && reason.Length == 0)
            {
                context.AddFailure(new ValidationFailure(command.ReasonField, t["Integrity.Validation.DismissReason"]));
            }
            else if (reason.Length > 2000)
            {
                context.AddFailure(new ValidationFailure(command.ReasonField, t["Answer.TooLong", 2000]));
            }
        });
    }
}

/// <summary>
/// Confirms a flag (a real problem) or dismisses it with a reason, while it is open, against the flag's version shown;
/// who and when are kept on the flag, and the decision is audited.
/// </summary>
public sealed class DecideFlagHandler(SmeDbContext db, ApplicationStore store, AuditLog audit, TimeProvider clock, IValidator<FlagDecision> validator) : IUseCase
{
    public async Task<Outcome<Unit>> HandleAsync(FlagDecision command, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (await store.LoadForStaffAsync(command.ApplicationId, cancellationToken: cancellationToken) is null
            || await db.IntegrityFlags.FirstOrDefaultAsync(f => f.Id == command.FlagId && f.ApplicationId == command.ApplicationId, cancellationToken) is not { } flag)
        {
            return Outcome.NotFound;
        }

        var result = await validator.ValidateAsync(command, cancellationToken);
        if (!result.IsValid)
        {
            return Outcome.Invalid(result.Errors);
        }

        if (flag.State != FlagState.Open)
        {
            return Outcome.NotAllowed;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var reason = command.Why;
        (flag.State, flag.DecidedByUserId, flag.DecidedAtUtc, flag.DecisionReason) = (command.State!.Value, userId, now, reason.Length == 0 ? null : reason);
        audit.Record($"flag.{command.Decision}", "IntegrityFlag", command.FlagId.ToString(CultureInfo.InvariantCulture), $"application {command.ApplicationId}: {flag.Rule}");
        return await db.SaveFromVersionAsync(flag, command.Version, now) ? Outcome.Done() : Outcome.Conflict;
    }
}
