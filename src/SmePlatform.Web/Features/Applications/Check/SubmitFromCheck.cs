using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Features.Applications.Submit;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Applications.Check;

/// <param name="BusinessId">The business in the route: the application must be its own.</param>
/// <param name="ApplicationId">The application.</param>
/// <param name="IdempotencyKey">The key the check page gave its submit button: the same key posted again leads to the same receipt.</param>
/// <param name="Version">The application's version on the page the applicant submitted from.</param>
/// <param name="Membership">The signed-in person's membership of the business (the right to submit).</param>
/// <param name="UserId">Who does it (recorded with what is saved).</param>
public sealed record SubmitFromCheckCommand(int BusinessId, int ApplicationId, string? IdempotencyKey, int Version, BusinessMember Membership, string UserId);

/// <summary>The receipt a submission led to: its round, under the application.</summary>
public sealed record SubmittedReceipt(ApplicationFile File, int Round)
{
    public string Path => File.Path($"receipts/{Round}");
}

/// <summary>A key the check page could have given: present, and no longer than the column that keeps it.</summary>
public sealed class SubmitFromCheckValidator : AbstractValidator<SubmitFromCheckCommand>
{
    public SubmitFromCheckValidator() => RuleFor(c => c.IdempotencyKey).NotEmpty().MaximumLength(SubmitApplication.MaxKeyLength);
}

/// <summary>
/// Submits from the check page: refused (not allowed) when the check page would refuse it now (<see cref="CheckPage.Ready"/>:
/// no longer editable, something blocks it, or the person may not submit); the same key posted again (a double click, a
/// retry) finds the receipt already made. The submission itself is <see cref="SubmitApplicationHandler"/>'s: one transaction
/// against the version shown (a conflict when someone changed the application since). A key no page gave is invalid;
/// another business's application is not found.
/// </summary>
public sealed class SubmitFromCheckHandler(
    SmeDbContext db, ApplicationStore store, CheckQuery check, SubmitApplicationHandler submit, IValidator<SubmitFromCheckCommand> validator) : IUseCase
{
    public async Task<Outcome<SubmittedReceipt>> HandleAsync(SubmitFromCheckCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (await store.LoadAsync(command.BusinessId, command.ApplicationId, tracked: true, cancellationToken) is not { } file)
        {
            return Outcome.NotFound;
        }

        if (await validator.ValidateAsync(command, cancellationToken) is { IsValid: false } invalid)
        {
            return Outcome.Invalid(invalid.Errors);
        }

        var made = await db.Submissions.AsNoTracking()
            .FirstOrDefaultAsync(s => s.IdempotencyKey == command.IdempotencyKey && s.ApplicationId == command.ApplicationId, cancellationToken);
        if (made is not null)
        {
            return Outcome.Done(new SubmittedReceipt(file, made.Round));
        }

        var page = await check.PageAsync(file, command.Membership, cancellationToken: cancellationToken);
        if (!page.Ready)
        {
            return Outcome.NotAllowed;
        }

        var outcome = await submit.HandleAsync(new(file, command.Version, command.IdempotencyKey!, command.UserId, page.Eligibility, page.Profile), cancellationToken);
        return outcome switch
        {
            { IsDone: true, Value: { } receipt } => Outcome.Done(new SubmittedReceipt(file, receipt.Round)),
            { Kind: OutcomeKind.Invalid } => Outcome.Invalid(outcome.Errors),
            { Kind: OutcomeKind.NotAllowed } => Outcome.NotAllowed,
            _ => Outcome.Conflict,
        };
    }
}
