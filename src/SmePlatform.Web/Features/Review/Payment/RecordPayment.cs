using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Applications;
using SmePlatform.Domain.Time;
using SmePlatform.Web.Features.Applications;
using SmePlatform.Web.Features.Review.Report;
using SmePlatform.Web.Infrastructure.Localization;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Review.Payment;

/// <summary>The payment as recorded: the day it was made and the transfer's reference.</summary>
public sealed class PaymentForm
{
    /// <summary>The prefix of the form's fields on the review page (<c>Payment.PaidOn</c>, …).</summary>
    public const string Prefix = "Payment";

    public int Version { get; set; }
    public string? PaidOn { get; set; }
    public string? Reference { get; set; }
}

/// <summary>A payment to record, with what the report allows (<see cref="ReportCheck"/>) and the day it is recorded on (Japan).</summary>
public sealed record RecordPayment(PaymentForm Form, ReportCheck Check, DateOnly Today)
{
    public const string VersionField = PaymentForm.Prefix + "." + nameof(PaymentForm.Version);
    public const string PaidOnField = PaymentForm.Prefix + "." + nameof(PaymentForm.PaidOn);
    public const string ReferenceField = PaymentForm.Prefix + "." + nameof(PaymentForm.Reference);

    /// <summary>The reference without the spaces around it.</summary>
    public string Reference => Form.Reference?.Trim() ?? "";

    /// <summary>The day typed, when it reads as a date.</summary>
    public DateOnly? PaidOn => FieldInput.TryDate(Form.PaidOn, out var day) ? day : null;
}

/// <summary>
/// Not while an invoice's date does not stand (the report goes back first); the day asked for, typed as a date, not
/// after today nor before the latest invoice; a reference of 1 to 50 characters.
/// </summary>
public sealed class RecordPaymentValidator : AbstractValidator<RecordPayment>
{
    public RecordPaymentValidator(IStringLocalizer<SharedResource> t)
    {
        RuleFor(c => c.Check).Custom((check, context) =>
        {
            if (check.DateProblems.Count > 0)
            {
                context.AddFailure(new ValidationFailure("", t["Payment.Validation.DateProblems"]));
            }
        });
        // Empty: asked for; typed otherwise than a date: the example shows how.
        RuleFor(c => c.Form.PaidOn).Cascade(CascadeMode.Stop)
            .Must(typed => !string.IsNullOrWhiteSpace(typed)).WithMessage(t["Payment.Validation.PaidOn"])
            .Must((c, _) => c.PaidOn is not null).WithMessage(t["Payment.Validation.PaidOnFormat"])
            .Must((c, _) => Problem(c) == PaymentDateProblem.None)
            .WithMessage((c, _) => Problem(c) == PaymentDateProblem.AfterToday
                ? t["Payment.Validation.AfterToday", Display.Date(c.Today)]
                : t["Payment.Validation.BeforeInvoice", Display.Date(c.Check.LatestInvoice!.Value)])
            .OverridePropertyName(RecordPayment.PaidOnField);
        RuleFor(c => c.Reference).Must(reference => reference.Length is > 0 and <= 50).WithMessage(t["Payment.Validation.Reference"])
            .OverridePropertyName(RecordPayment.ReferenceField);
    }

    private static PaymentDateProblem Problem(RecordPayment command) => ReportRules.CheckPayment(command.PaidOn!.Value, command.Check.LatestInvoice, command.Today);
}

/// <summary>
/// Records the payment of the confirmed amount (a Supervisor): the application is complete. A move against the version
/// shown, with the reference as its reason (<see cref="ApplicationMoves.MoveAsync"/>).
/// </summary>
public sealed class RecordPaymentHandler(ApplicationStore store, ApplicationMoves moves, IValidator<RecordPayment> validator, TimeProvider clock) : IUseCase
{
    /// <param name="applicationId">The application.</param>
    /// <param name="form">The payment as typed.</param>
    /// <param name="userId">The signed-in Supervisor.</param>
    /// <param name="cancellationToken">Stops the reads and the validation.</param>
    public async Task<Outcome<Unit>> HandleAsync(int applicationId, PaymentForm form, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await store.LoadForStaffAsync(applicationId, tracked: true, cancellationToken) is not { } file)
        {
            return Outcome.NotFound;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var check = ReportCheck.Of(file, await store.LatestSubmittedAsync(applicationId, cancellationToken), now);
        var command = new RecordPayment(form, check, JapanTime.DateOf(now));
        var result = await validator.ValidateAsync(command, cancellationToken);
        if (!result.IsValid)
        {
            return Outcome.Invalid(result.Errors);
        }

        var (paidOn, reference) = (command.PaidOn!.Value, command.Reference);
        return MoveAnswer.Of(await moves.MoveAsync(
            file, form.Version, ApplicationStatus.Paid, userId, reference, byStaff: true, a => (a.PaidOn, a.PaymentReference) = (paidOn, reference)));
    }
}
