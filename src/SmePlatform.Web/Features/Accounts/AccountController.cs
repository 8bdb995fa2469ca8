using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using SmePlatform.Web.Data;
using SmePlatform.Web.Features.Accounts.EmailConfirmation;
using SmePlatform.Web.Features.Accounts.ForgottenPassword;
using SmePlatform.Web.Features.Accounts.PasswordReset;
using SmePlatform.Web.Features.Accounts.Registration;
using SmePlatform.Web.Features.Accounts.SignInWithCode;
using SmePlatform.Web.Features.Accounts.SignInWithPassword;
using SmePlatform.Web.Infrastructure.Security;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Accounts;

/// <summary>
/// Register, confirm, sign in (with a second factor where set up), sign out, and reset a forgotten password: each write
/// a handler beside this controller (ADR 0016), the throttling and equal answers theirs (<see cref="PasswordSignIn"/>).
/// </summary>
[AllowAnonymous]
[Route("account")]
public sealed class AccountController(SignInManager<ApplicationUser> signIn) : Controller
{
    [HttpGet("register")]
    public IActionResult Register() => View(new RegisterForm());

    [HttpPost("register")]
    public async Task<IActionResult> Register(RegisterForm form, [FromServices] RegisterAccountHandler handler) =>
        Answer(await handler.HandleAsync(form), form, () => RedirectToAction(nameof(RegisterDone)));

    [HttpGet("register/check-email")]
    public IActionResult RegisterDone() => View();

    [HttpGet("confirm-email")]
    public async Task<IActionResult> ConfirmEmail(string? userId, string? code, [FromServices] ConfirmEmailHandler handler) =>
        View((await handler.HandleAsync(userId, code)).Value);

    [HttpGet("login")]
    public IActionResult Login(string? returnUrl)
    {
        ViewData["ReturnUrl"] = returnUrl;
        return View(new LoginForm());
    }

    [HttpPost("login")]
    [EnableRateLimiting(RateLimiting.Authentication)]
    public async Task<IActionResult> Login(LoginForm form, string? returnUrl, [FromServices] SignInWithPasswordHandler handler)
    {
        ViewData["ReturnUrl"] = returnUrl;
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var outcome = await handler.HandleAsync(form, HttpContext.Connection.RemoteIpAddress);
        if (outcome.Value is { Outcome: SignInOutcome.TwoFactorRequired })
        {
            return RedirectToAction(nameof(LoginTwoFactor), new { returnUrl, rememberMe = form.RememberMe });
        }

        if (outcome.Errors.Select(e => e.CustomState).OfType<SignInAttempt>().FirstOrDefault() is { Outcome: SignInOutcome.Throttled } throttled)
        {
            // The sign-in page again, with how long to wait: 429, and Retry-After for clients that read it.
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = throttled.WaitSeconds.ToString(CultureInfo.InvariantCulture);
        }

        return Answer(outcome, form, () => LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/"));
    }

    [HttpGet("login/two-factor")]
    public async Task<IActionResult> LoginTwoFactor(string? returnUrl, bool rememberMe) =>
        await PendingSecondStepAsync(returnUrl) ?? View(new TwoFactorCodeForm { RememberMe = rememberMe });

    [HttpPost("login/two-factor")]
    [EnableRateLimiting(RateLimiting.Authentication)]
    public async Task<IActionResult> LoginTwoFactor(TwoFactorCodeForm form, string? returnUrl, [FromServices] SignInWithAuthenticatorHandler handler) =>
        await SecondStepAsync(form, returnUrl, () => handler.HandleAsync(form));

    [HttpGet("login/recovery-code")]
    public async Task<IActionResult> LoginRecoveryCode(string? returnUrl) =>
        await PendingSecondStepAsync(returnUrl) ?? View(new RecoveryCodeForm());

    [HttpPost("login/recovery-code")]
    [EnableRateLimiting(RateLimiting.Authentication)]
    public async Task<IActionResult> LoginRecoveryCode(RecoveryCodeForm form, string? returnUrl, [FromServices] SignInWithRecoveryCodeHandler handler) =>
        await SecondStepAsync(form, returnUrl, () => handler.HandleAsync(form));

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return RedirectToAction("Index", "Home");
    }

    [HttpGet("forgot-password")]
    public IActionResult ForgotPassword() => View(new ForgotPasswordForm());

    [HttpPost("forgot-password")]
    [EnableRateLimiting(RateLimiting.Authentication)]
    public async Task<IActionResult> ForgotPassword(ForgotPasswordForm form, [FromServices] RequestPasswordResetHandler handler) =>
        Answer(await handler.HandleAsync(form), form, () => RedirectToAction(nameof(ForgotPasswordDone)));

    [HttpGet("forgot-password/check-email")]
    public IActionResult ForgotPasswordDone() => View();

    [HttpGet("reset-password")]
    public IActionResult ResetPassword(string? userId, string? code) =>
        View(new ResetPasswordForm { UserId = userId, Code = code });

    [HttpPost("reset-password")]
    [EnableRateLimiting(RateLimiting.Authentication)]
    public async Task<IActionResult> ResetPassword(ResetPasswordForm form, [FromServices] ResetPasswordHandler handler) =>
        Answer(await handler.HandleAsync(form), form, () => RedirectToAction(nameof(ResetPasswordDone)));

    [HttpGet("reset-password/done")]
    public IActionResult ResetPasswordDone() => View();

    /// <summary>The second step's page, or back to the sign-in when no password step waits for a second factor.</summary>
    private async Task<IActionResult?> PendingSecondStepAsync(string? returnUrl)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToAction(nameof(Login), new { returnUrl });
        }

        ViewData["ReturnUrl"] = returnUrl;
        return null;
    }

    /// <summary>A second step's answer: back to the sign-in when none waits, the page again with why, or on to where the person was going.</summary>
    private async Task<IActionResult> SecondStepAsync<TForm>(TForm form, string? returnUrl, Func<Task<Outcome<Unit>>> handle)
    {
        ViewData["ReturnUrl"] = returnUrl;
        var outcome = await handle();
        return outcome.Kind == OutcomeKind.NotFound
            ? RedirectToAction(nameof(Login), new { returnUrl })
            : Answer(outcome, form, () => LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/"));
    }

    /// <summary>Done: on to <paramref name="next"/>; otherwise the form again with the outcome's failures beside their fields.</summary>
    private IActionResult Answer<T, TForm>(Outcome<T> outcome, TForm form, Func<IActionResult> next)
    {
        ModelState.AddOutcomeErrors(outcome);
        return outcome.IsDone ? next() : View(form);
    }
}
