using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;
using SmePlatform.Web.Data;

namespace SmePlatform.Web.Features.Accounts;

// The account forms and, beside each, the validator that is its server-side truth.
// Password rules themselves live in PasswordPolicyValidator, which Identity runs on every password it sets.

public sealed class RegisterForm
{
    [Display(Name = "Field.DisplayName")]
    public string? DisplayName { get; set; }

    [Display(Name = "Field.Email")]
    public string? Email { get; set; }

    [Display(Name = "Field.NewPassword")]
    public string? Password { get; set; }

    [Display(Name = "Field.ConfirmPassword")]
    public string? ConfirmPassword { get; set; }
}

public sealed class RegisterFormValidator : AbstractValidator<RegisterForm>
{
    public RegisterFormValidator(IStringLocalizer<SharedResource> t)
    {
        RuleFor(f => f.DisplayName).NotEmpty().WithMessage(_ => t["Validation.DisplayName.Required"])
            .MaximumLength(ApplicationUser.DisplayNameMaxLength).WithMessage(_ => t["Validation.DisplayName.TooLong", ApplicationUser.DisplayNameMaxLength]);
        RuleFor(f => f.Email).EmailAddressRules(t);
        RuleFor(f => f.Password).NotEmpty().WithMessage(_ => t["Validation.Password.Required"]);
        RuleFor(f => f.ConfirmPassword).ConfirmationRules(f => f.Password, t);
    }
}

public sealed class LoginForm
{
    [Display(Name = "Field.Email")]
    public string? Email { get; set; }

    [Display(Name = "Field.Password")]
    public string? Password { get; set; }

    [Display(Name = "Field.RememberMe")]
    public bool RememberMe { get; set; }
}

public sealed class LoginFormValidator : AbstractValidator<LoginForm>
{
    public LoginFormValidator(IStringLocalizer<SharedResource> t)
    {
        RuleFor(f => f.Email).EmailAddressRules(t);
        RuleFor(f => f.Password).NotEmpty().WithMessage(_ => t["Validation.Password.Required"]);
    }
}

public sealed class TwoFactorCodeForm
{
    [Display(Name = "Field.AuthenticatorCode")]
    public string? Code { get; set; }

    public bool RememberMe { get; set; }

    /// <summary>Digits only: people type spaces and hyphens, and full-width digits on Japanese keyboards.</summary>
    public string NormalizedCode => new((Code ?? "").Normalize(System.Text.NormalizationForm.FormKC).Where(char.IsAsciiDigit).ToArray());
}

public sealed class TwoFactorCodeFormValidator : AbstractValidator<TwoFactorCodeForm>
{
    public TwoFactorCodeFormValidator(IStringLocalizer<SharedResource> t)
    {
        RuleFor(f => f.Code).NotEmpty().WithMessage(_ => t["Validation.AuthenticatorCode.Required"]);
        RuleFor(f => f.NormalizedCode).Length(6).WithMessage(_ => t["Validation.AuthenticatorCode.Format"])
            .OverridePropertyName(nameof(TwoFactorCodeForm.Code))
            .When(f => !string.IsNullOrEmpty(f.Code));
    }
}

public sealed class RecoveryCodeForm
{
    [Display(Name = "Field.RecoveryCode")]
    public string? RecoveryCode { get; set; }
}

public sealed class RecoveryCodeFormValidator : AbstractValidator<RecoveryCodeForm>
{
    public RecoveryCodeFormValidator(IStringLocalizer<SharedResource> t) =>
        RuleFor(f => f.RecoveryCode).NotEmpty().WithMessage(_ => t["Validation.RecoveryCode.Required"]);
}

public sealed class ForgotPasswordForm
{
    [Display(Name = "Field.Email")]
    public string? Email { get; set; }
}

public sealed class ForgotPasswordFormValidator : AbstractValidator<ForgotPasswordForm>
{
    public ForgotPasswordFormValidator(IStringLocalizer<SharedResource> t) => RuleFor(f => f.Email).EmailAddressRules(t);
}

public sealed class ResetPasswordForm
{
    public string? UserId { get; set; }

    public string? Code { get; set; }

    [Display(Name = "Field.NewPassword")]
    public string? Password { get; set; }

    [Display(Name = "Field.ConfirmPassword")]
    public string? ConfirmPassword { get; set; }
}

public sealed class ResetPasswordFormValidator : AbstractValidator<ResetPasswordForm>
{
    public ResetPasswordFormValidator(IStringLocalizer<SharedResource> t)
    {
        RuleFor(f => f.Password).NotEmpty().WithMessage(_ => t["Validation.Password.Required"]);
        RuleFor(f => f.ConfirmPassword).ConfirmationRules(f => f.Password, t);
    }
}

public static class AccountRules
{
    /// <summary>The password typed a second time: asked for once a password is given, and must match it.</summary>
    public static IRuleBuilderOptions<T, string?> ConfirmationRules<T>(this IRuleBuilderInitial<T, string?> rule, Func<T, string?> password, IStringLocalizer<SharedResource> t) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => t["Validation.ConfirmPassword.Required"])
            .Must((form, confirmation) => confirmation == password(form)).WithMessage(_ => t["Validation.ConfirmPassword.Mismatch"])
            .When(form => !string.IsNullOrEmpty(password(form)));

    public const int EmailMaxLength = 256;

    /// <summary>Required, shaped like an address, at most 256 characters: the same on every form that asks for one.</summary>
    public static IRuleBuilderOptions<T, string?> EmailAddressRules<T>(this IRuleBuilderInitial<T, string?> rule, IStringLocalizer<SharedResource> t) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => t["Validation.Email.Required"])
            .MaximumLength(EmailMaxLength).WithMessage(_ => t["Validation.Email.TooLong", EmailMaxLength])
            .EmailAddress().WithMessage(_ => t["Validation.Email.Format"]);
}
