using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace SmePlatform.Web.Features.Accounts.Manage;

public sealed class ChangePasswordForm
{
    [Display(Name = "Field.CurrentPassword")]
    public string? CurrentPassword { get; set; }

    [Display(Name = "Field.NewPassword")]
    public string? NewPassword { get; set; }

    [Display(Name = "Field.ConfirmPassword")]
    public string? ConfirmPassword { get; set; }
}

public sealed class ChangePasswordFormValidator : AbstractValidator<ChangePasswordForm>
{
    public ChangePasswordFormValidator(IStringLocalizer<SharedResource> t)
    {
        RuleFor(f => f.CurrentPassword).NotEmpty().WithMessage(_ => t["Validation.CurrentPassword.Required"]);
        RuleFor(f => f.NewPassword).NotEmpty().WithMessage(_ => t["Validation.Password.Required"]);
        RuleFor(f => f.ConfirmPassword).ConfirmationRules(f => f.NewPassword, t);
    }
}

/// <summary>What the authenticator set-up page shows: the key as a QR code and as text to type.</summary>
public sealed record AuthenticatorSetup(string SharedKey, string QrCodeDataUri);

public sealed record TwoFactorStatus(bool Enabled, int RecoveryCodesLeft, bool IsStaff, bool Required);
