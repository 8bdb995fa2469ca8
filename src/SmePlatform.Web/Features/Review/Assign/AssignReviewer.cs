using FluentValidation;
using SmePlatform.Web.Data;
using SmePlatform.Web.Features.Applications;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Review.Assign;

/// <summary>
/// Assigns an application to the reviewer chosen in the list, or to the signed-in reviewer when they take it
/// ("自分が担当する" posts <c>take=me</c> beside the list's choice, which it overrides).
/// </summary>
/// <param name="ApplicationId">The application.</param>
/// <param name="Assignee">The reviewer chosen in the list (<see cref="Me"/> or empty: the signed-in reviewer).</param>
/// <param name="Take"><see cref="Me"/> when the signed-in reviewer takes it.</param>
/// <param name="Version">The application's version the page showed.</param>
/// <param name="UserId">The signed-in reviewer.</param>
public sealed record AssignReviewer(int ApplicationId, string? Assignee, string? Take, int Version, string UserId)
{
    /// <summary>The value of the "take it" button (and of the list's choice of oneself).</summary>
    public const string Me = "me";

    /// <summary>Whom the application goes to.</summary>
    public string Reviewer => Take == Me || string.IsNullOrEmpty(Assignee) || Assignee == Me ? UserId : Assignee;
}

/// <summary>The assignee is a Reviewer or a Supervisor; the list offers no one else, so anyone else is a bad request.</summary>
public sealed class AssignReviewerValidator : AbstractValidator<AssignReviewer>
{
    public AssignReviewerValidator(SmeDbContext db)
    {
        RuleFor(c => c.Reviewer)
            .MustAsync(async (reviewer, cancellationToken) => (await Reviewers.ListAsync(db, cancellationToken)).Any(r => r.Id == reviewer))
            .WithErrorCode(Unreadable.Code);
    }
}

/// <summary>
/// Assigns the application (taking it into review when it is waiting), against the version shown; audited with the
/// assignee (<see cref="ApplicationMoves.AssignAsync"/>).
/// </summary>
public sealed class AssignReviewerHandler(ApplicationStore store, ApplicationMoves moves, IValidator<AssignReviewer> validator) : IUseCase
{
    public async Task<Outcome<Unit>> HandleAsync(AssignReviewer command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (await store.LoadForStaffAsync(command.ApplicationId, tracked: true, cancellationToken) is not { } file)
        {
            return Outcome.NotFound;
        }

        var result = await validator.ValidateAsync(command, cancellationToken);
        if (!result.IsValid)
        {
            return Outcome.Invalid(result.Errors);
        }

        return MoveAnswer.Of(await moves.AssignAsync(file, command.Version, command.Reviewer, command.UserId));
    }
}
