using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Applications;
using SmePlatform.Domain.Text;
using SmePlatform.Web.Features.Applications;
using SmePlatform.Web.Infrastructure.Localization;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Review.Grant;

/// <summary>A Supervisor's grant decision on a selected application: the granted amount and a reason.</summary>
public sealed class GrantForm
{
    [Display(Name = "Review.GrantedYen")] public string? GrantedYen { get; set; }
    [Display(Name = "Review.GrantReason")] public string? Reason { get; set; }
    public int Version { get; set; }

    public long? Amount => JapaneseInput.TryWhole(GrantedYen, out var amount) ? amount : null;
}

public sealed class GrantFormValidator : AbstractValidator<GrantForm>
{
    public GrantFormValidator(IStringLocalizer<SharedResource> t)
    {
        RuleFor(f => f.GrantedYen).Must((f, _) => Domain.Yen.IsAmount(f.Amount)).WithMessage(t["Review.Validation.GrantedYen"]);
        RuleFor(f => f.Reason).NotEmpty().WithMessage(t["Review.Validation.Reason"]).MaximumLength(2000).WithMessage(t["Review.Validation.TooLong", 2000]);
    }
}

/// <summary>
/// The grant decision (交付決定) on a selected application, by a Supervisor: the amount granted, not more than was
/// requested, with a reason; a move against the version shown (<see cref="ApplicationMoves.MoveAsync"/>).
/// </summary>
public sealed class DecideGrantHandler(ApplicationStore store, ApplicationMoves moves, IValidator<GrantForm> validator, IStringLocalizer<SharedResource> t) : IUseCase
{
    /// <param name="applicationId">The application.</param>
    /// <param name="form">The grant as typed.</param>
    /// <param name="userId">The signed-in Supervisor.</param>
    /// <param name="cancellationToken">Stops the read and the validation.</param>
    public async Task<Outcome<Unit>> HandleAsync(int applicationId, GrantForm form, string userId, CancellationToken cancellationToken = default)
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

        // Not more than was asked for (the amount requested is the application's, so checked here rather than by the form's validator).
        if (form.Amount > file.Application.RequestedYen)
        {
            return Outcome.Invalid(nameof(GrantForm.GrantedYen), t["Review.Validation.GrantOverRequest", Display.Yen(file.Application.RequestedYen ?? 0)]);
        }

        return MoveAnswer.Of(await moves.MoveAsync(file, form.Version, ApplicationStatus.GrantDecided, userId, form.Reason, byStaff: true, a => a.GrantedYen = form.Amount));
    }
}
