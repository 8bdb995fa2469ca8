using FluentValidation;
using SmePlatform.Domain.Applications;
using SmePlatform.Domain.Time;
using SmePlatform.Web.Data.Applications;
using SmePlatform.Web.Features.Applications;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Review.Decide;

/// <summary>
/// A reviewer's decision on an application under review (<see cref="DecisionForm"/>): return it for correction with a
/// reason per field and a deadline (17:00 JST that day), select it, or not select it; a move against the version shown,
/// recorded with its reason, audited and told to the business (<see cref="ApplicationMoves.MoveAsync"/>).
/// </summary>
public sealed class DecideApplicationHandler(ApplicationStore store, ApplicationMoves moves, IValidator<DecisionForm> validator) : IUseCase
{
    /// <param name="applicationId">The application.</param>
    /// <param name="form">The decision as typed.</param>
    /// <param name="userId">The signed-in reviewer.</param>
    /// <param name="cancellationToken">Stops the read and the validation.</param>
    public async Task<Outcome<Unit>> HandleAsync(int applicationId, DecisionForm form, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await store.LoadForStaffAsync(applicationId, tracked: true, cancellationToken) is not { } file)
        {
            return Outcome.NotFound;
        }

        var result = await validator.ValidateAsync(form, cancellationToken);
        if (!result.IsValid)
        {
            return Outcome.Invalid(result.Errors);
        }

        var outcome = form.Parsed switch
        {
            ReviewDecision.Return => await moves.MoveAsync(file, form.Version, ApplicationStatus.ReturnedForCorrection, userId, form.Reason, byStaff: true, a =>
            {
                _ = FieldInput.TryDate(form.CorrectionDue, out var due);
                a.CorrectionDueAtUtc = JapanTime.ToUtc(due, new TimeOnly(17, 0));
                a.Corrections.AddRange(form.Fields.Where(f => !f.IsBlank).Select(f => new CorrectionRequest { Round = a.Rounds, FieldKey = f.Key!, Reason = f.Reason!.Trim() }));
            }),
            ReviewDecision.Select => await moves.MoveAsync(file, form.Version, ApplicationStatus.Selected, userId, form.Reason, byStaff: true),
            _ => await moves.MoveAsync(file, form.Version, ApplicationStatus.NotSelected, userId, form.Reason, byStaff: true),
        };
        return MoveAnswer.Of(outcome);
    }
}
