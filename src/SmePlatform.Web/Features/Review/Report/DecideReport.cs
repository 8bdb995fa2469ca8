using FluentValidation;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Applications;
using SmePlatform.Domain.Text;
using SmePlatform.Web.Features.Applications;
using SmePlatform.Web.Infrastructure.Localization;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Review.Report;

/// <summary>The reviewer's check of a performance report: confirm the payable amount, or return it with a reason.</summary>
public sealed class ReportDecisionForm
{
    /// <summary>The prefix of the form's fields on the review page (<c>Report.Decision</c>, …).</summary>
    public const string Prefix = "Report";

    public const string Confirm = "confirm";
    public const string Return = "return";

    public int Version { get; set; }

    /// <summary><see cref="Confirm"/> or <see cref="Return"/>.</summary>
    public string? Decision { get; set; }

    public string? PayableYen { get; set; }
    public string? Reason { get; set; }
}

/// <summary>A decision on a performance report, with what the report allows (<see cref="ReportCheck"/>).</summary>
public sealed record DecideReport(ReportDecisionForm Form, ReportCheck Check)
{
    public const string VersionField = ReportDecisionForm.Prefix + "." + nameof(ReportDecisionForm.Version);
    public const string DecisionField = ReportDecisionForm.Prefix + "." + nameof(ReportDecisionForm.Decision);
    public const string PayableYenField = ReportDecisionForm.Prefix + "." + nameof(ReportDecisionForm.PayableYen);
    public const string ReasonField = ReportDecisionForm.Prefix + "." + nameof(ReportDecisionForm.Reason);

    public bool Confirms => Form.Decision == ReportDecisionForm.Confirm;

    /// <summary>The reason without the spaces around it.</summary>
    public string Why => Form.Reason?.Trim() ?? "";

    /// <summary>The amount typed, when it is a whole number of yen from 0 to the most payable; otherwise null.</summary>
    public long? Payable => JapaneseInput.TryWhole(Form.PayableYen, out var typed) && typed is >= 0 && typed <= Check.PayableLimitYen ? typed : null;
}

/// <summary>
/// Confirm or return; confirmed only while every invoice's date stands, with an amount up to the most payable; a return
/// says why; a reason of at most 2,000 characters.
/// </summary>
public sealed class DecideReportValidator : AbstractValidator<DecideReport>
{
    public DecideReportValidator(IStringLocalizer<SharedResource> t)
    {
        RuleFor(c => c.Form.Decision).Must(d => d is ReportDecisionForm.Confirm or ReportDecisionForm.Return)
            .WithMessage(t["Report.Validation.Decision"]).OverridePropertyName(DecideReport.DecisionField);
        // An invoice not yet issued, or of another time than the project's, goes back to the applicant: not paid.
        RuleFor(c => c.Form.Decision).Must((c, _) => !c.Confirms || c.Check.DateProblems.Count == 0)
            .WithMessage(t["Report.Validation.DateProblems"]).OverridePropertyName(DecideReport.DecisionField);
        RuleFor(c => c.Form.PayableYen).Must((c, _) => !c.Confirms || c.Check.DateProblems.Count > 0 || c.Payable is not null)
            .WithMessage((c, typed) => string.IsNullOrWhiteSpace(typed)
                ? t["Report.Validation.PayableYenRequired"]
                : t["Report.Validation.PayableYen", Display.Yen(c.Check.PayableLimitYen)])
            .OverridePropertyName(DecideReport.PayableYenField);
        RuleFor(c => c.Why).Must((c, why) => !(c.Form.Decision == ReportDecisionForm.Return && why.Length == 0) && why.Length <= 2000)
            .WithMessage((_, why) => why.Length == 0 ? t["Report.Validation.Reason"] : t["Answer.TooLong", 2000])
            .OverridePropertyName(DecideReport.ReasonField);
    }
}

/// <summary>
/// Confirms the amount payable of a submitted performance report (額の確定), or returns the report with a reason: a
/// move against the version shown, recorded, audited and told to the business (<see cref="ApplicationMoves.MoveAsync"/>).
/// </summary>
public sealed class DecideReportHandler(ApplicationStore store, ApplicationMoves moves, IValidator<DecideReport> validator, TimeProvider clock) : IUseCase
{
    /// <param name="applicationId">The application.</param>
    /// <param name="form">The decision as typed.</param>
    /// <param name="userId">The signed-in reviewer.</param>
    /// <param name="cancellationToken">Stops the reads and the validation.</param>
    public async Task<Outcome<Unit>> HandleAsync(int applicationId, ReportDecisionForm form, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await store.LoadForStaffAsync(applicationId, tracked: true, cancellationToken) is not { } file)
        {
            return Outcome.NotFound;
        }

        var command = new DecideReport(form, ReportCheck.Of(file, await store.LatestSubmittedAsync(applicationId, cancellationToken), clock.GetUtcNow().UtcDateTime));
        var result = await validator.ValidateAsync(command, cancellationToken);
        if (!result.IsValid)
        {
            return Outcome.Invalid(result.Errors);
        }

        var reason = command.Why;
        var payable = command.Payable;
        var outcome = command.Confirms
            ? await moves.MoveAsync(file, form.Version, ApplicationStatus.AmountConfirmed, userId, reason.Length == 0 ? null : reason, byStaff: true, a => a.PayableYen = payable)
            : await moves.MoveAsync(file, form.Version, ApplicationStatus.ReportReturned, userId, reason, byStaff: true, a => a.PayableYen = null);
        return MoveAnswer.Of(outcome);
    }
}
