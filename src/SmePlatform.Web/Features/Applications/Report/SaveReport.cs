using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Applications;
using SmePlatform.Domain.Time;
using SmePlatform.Web.Data.Applications;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Features.Integrity;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Applications.Report;

/// <param name="BusinessId">The business in the route: the application must be its own.</param>
/// <param name="ApplicationId">The application.</param>
/// <param name="Form">The actual lines as posted (its validator is <see cref="ReportFormValidator"/>).</param>
/// <param name="Submit">Submit the report for a reviewer to confirm, after saving it; otherwise only save.</param>
/// <param name="Version">The application's version on the page (a submission is made against it).</param>
/// <param name="Remove">An invoice to remove, when its button was pressed.</param>
/// <param name="Invoices">The invoices uploaded with the post.</param>
/// <param name="Membership">The signed-in person's membership of the business (the right to submit).</param>
/// <param name="UserId">Who does it (recorded with what is saved).</param>
public sealed record SaveReportCommand(
    int BusinessId, int ApplicationId, ReportForm Form, bool Submit, int Version, int? Remove, IReadOnlyList<IFormFile> Invoices, BusinessMember Membership, string UserId);

/// <summary>The report as saved (what was valid of it) and what was refused, beside its field; or submitted.</summary>
public sealed record SavedReport(ApplicationFile File, IReadOnlyList<ValidationFailure> Refused, bool Submitted);

/// <summary>
/// Saves the performance report (実績報告) after the grant: the invoices are checked and stored at once, the lines
/// when all of them are valid (each invoice dated within the project period and not after today); saved as often as
/// wanted, what was valid is kept whatever else happens. Submitting also needs an invoice attached and the right to
/// submit (not allowed without it); it is a move of the lifecycle against the version shown (a conflict when someone
/// changed the application since; refused beside the form when the lifecycle no longer allows it), and owes the
/// integrity checks a run on the invoices now claimed, off this request's path. Another business's application, or one
/// whose report can no longer be changed, is not found.
/// </summary>
public sealed class SaveReportHandler(
    ApplicationStore store, ApplicationMoves moves, IntegrityQueue integrity, IValidator<ReportForm> validator, TimeProvider clock, IStringLocalizer<SharedResource> t)
    : IUseCase
{
    public async Task<Outcome<SavedReport>> HandleAsync(SaveReportCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (await store.LoadAsync(command.BusinessId, command.ApplicationId, tracked: true, cancellationToken) is not { } file
            || !ApplicationLifecycle.IsReportEditable(file.Application.Status))
        {
            return Outcome.NotFound;
        }

        var refused = new List<ValidationFailure>();
        foreach (var (fileName, problem) in await store.AttachAllAsync(file.Application, ReportController.InvoicesKey, command.Invoices, command.UserId))
        {
            refused.Add(new ValidationFailure(nameof(ReportPage.Invoices), ApplicationStore.ProblemText(t, fileName, problem)));
        }

        if (command.Remove is { } attachmentId && file.FilesFor(ReportController.InvoicesKey).Any(a => a.Id == attachmentId))
        {
            store.Detach(file.Application, attachmentId);
        }

        var form = command.Form;
        (form.ProjectStart, form.ProjectEnd, form.Today) = (file.Application.ProjectStart, file.Application.ProjectEnd, JapanTime.DateOf(clock.GetUtcNow().UtcDateTime));
        refused.AddRange((await validator.ValidateAsync(form, cancellationToken)).Errors);
        if (refused.Count == 0)
        {
            store.SetReport(file.Application, form.ToLines());
            if (command.Submit && !file.FilesFor(ReportController.InvoicesKey).Any())
            {
                refused.Add(new ValidationFailure(nameof(ReportPage.Invoices), t["Report.Validation.Invoices"]));
            }
        }

        if (command.Submit && refused.Count == 0)
        {
            return await SubmitAsync(file, command);
        }

        // Saved (what is valid) whatever else happens: uploads and lines are not lost.
        await store.SaveAsync(cancellationToken);
        return Outcome.Done(new SavedReport(file, refused, Submitted: false));
    }

    private async Task<Outcome<SavedReport>> SubmitAsync(ApplicationFile file, SaveReportCommand command)
    {
        if (!command.Membership.MaySubmitFor(file.Business))
        {
            return Outcome.NotAllowed;
        }

        // The checks run again on the invoices now claimed: owed with the move (saved with it), run off this request's path.
        var moved = await moves.MoveAsync(file, command.Version, ApplicationStatus.ReportSubmitted, command.UserId, null, byStaff: false, a =>
        {
            a.ReportSubmittedAtUtc = clock.GetUtcNow().UtcDateTime;
            integrity.Owe(a.Id, FlagSource.PerformanceReport);
        });
        switch (moved)
        {
            case MoveOutcome.Done:
                integrity.Wake();
                return Outcome.Done(new SavedReport(file, [], Submitted: true));
            case MoveOutcome.Conflict:
                return Outcome.Conflict;
            default:
                return Outcome.Invalid("", t["Apply.NotEditable"]);
        }
    }
}
