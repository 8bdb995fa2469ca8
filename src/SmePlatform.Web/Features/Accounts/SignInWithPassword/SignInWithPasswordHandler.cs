using System.Net;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Localization;
using SmePlatform.Web.Infrastructure.Localization;
using SmePlatform.Web.Infrastructure.Security;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Accounts.SignInWithPassword;

/// <summary>
/// Sign-in with an address and a password (<see cref="LoginForm"/>), through <see cref="PasswordSignIn"/>, which keeps
/// the throttling and the equal answers. Done when signed in or a second factor is asked for; otherwise invalid with
/// what the page says. A refusal carries its <see cref="SignInAttempt"/> as the failure's
/// <see cref="ValidationFailure.CustomState"/>, so that the page can answer a throttled one with 429 and Retry-After.
/// </summary>
public sealed class SignInWithPasswordHandler(PasswordSignIn passwordSignIn, IValidator<LoginForm> validator, IStringLocalizer<SharedResource> t) : IUseCase
{
    public async Task<Outcome<SignInAttempt>> HandleAsync(LoginForm form, IPAddress? clientAddress)
    {
        var check = await validator.ValidateAsync(form);
        if (!check.IsValid)
        {
            return Outcome.Invalid(check.Errors);
        }

        var attempt = await passwordSignIn.AttemptAsync(form.Email!.Trim(), form.Password!, form.RememberMe, clientAddress);
        return attempt.Outcome switch
        {
            SignInOutcome.SignedIn or SignInOutcome.TwoFactorRequired => Outcome.Done(attempt),
            SignInOutcome.Throttled => Refused(attempt, "", t[ThrottledKey(attempt.Throttle), WaitText(attempt.WaitSeconds)]),
            SignInOutcome.EmailNotConfirmed => Refused(attempt, nameof(LoginForm.Email), t["Login.EmailNotConfirmed"]),
            SignInOutcome.LockedOut => Refused(attempt, nameof(LoginForm.Email), t["Login.LockedOut"]),
            _ => Refused(attempt, nameof(LoginForm.Email), t["Login.Failed"]),
        };
    }

    private static Refusal Refused(SignInAttempt attempt, string field, string message) =>
        Outcome.Invalid([new ValidationFailure(field, message) { CustomState = attempt }]);

    private static string ThrottledKey(SignInCeilingKind? ceiling) => ceiling switch
    {
        SignInCeilingKind.Address => "Login.Throttled.Address",
        SignInCeilingKind.Global => "Login.Throttled.Global",
        _ => "Login.Throttled.Account",
    };

    /// <summary>A wait in whole seconds, or in minutes (rounded up) from a minute on: 「30秒」「5分」.</summary>
    private string WaitText(int seconds) =>
        seconds < 60 ? t.Plural("Login.Wait.Seconds", seconds, seconds) : t.Plural("Login.Wait.Minutes", (seconds + 59) / 60, (seconds + 59) / 60);
}
