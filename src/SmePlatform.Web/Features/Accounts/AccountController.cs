using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using SmePlatform.Web.Data;
using SmePlatform.Web.Features.Notices;
using SmePlatform.Web.Infrastructure.Forms;
using SmePlatform.Web.Infrastructure.Localization;
using SmePlatform.Web.Infrastructure.Security;
using SmePlatform.Web.Infrastructure.Sessions;

namespace SmePlatform.Web.Features.Accounts;

/// <summary>Register, confirm, sign in (with a second factor where set up), sign out, and reset a forgotten password.</summary>
[AllowAnonymous]
[Route("account")]
public sealed class AccountController(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    AccountEmails emails,
    PasswordSignIn passwordSignIn,
    TimeProvider clock,
    IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("register")]
    public IActionResult Register() => View(new RegisterForm());

    [HttpPost("register")]
    public async Task<IActionResult> Register(RegisterForm form, [FromServices] IValidator<RegisterForm> validator)
    {
        if (!await validator.ValidateIntoAsync(form, ModelState))
        {
            return View(form);
        }

        var user = new ApplicationUser
        {
            UserName = form.Email!.Trim(),
            Email = form.Email.Trim(),
            DisplayName = form.DisplayName!.Trim(),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };

        // The password's rules first, for a new address and a taken one alike: what the page says must not depend on
        // whether the address has an account.
        var passwordProblems = await PasswordProblemsAsync(user, form.Password!);
        if (!passwordProblems.Succeeded)
        {
            ModelState.AddIdentityErrors(passwordProblems);
            return View(form);
        }

        var existing = await users.FindByEmailAsync(user.Email);
        if (existing is null)
        {
            var result = await users.CreateAsync(user, form.Password!);
            if (result.Succeeded)
            {
                await emails.SendConfirmationAsync(user);
                return RedirectToAction(nameof(RegisterDone));
            }

            // Taken in the meantime by another registration of the same address: answered below like any taken one.
            existing = result.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName") ? await users.FindByEmailAsync(user.Email) : null;
            if (existing is null)
            {
                ModelState.AddIdentityErrors(result);
                return View(form);
            }
        }

        // Taken: the same page as for a new account, after the same work (a password hashed, one email sent). The email
        // goes to the address's owner: a new confirmation link while it is unconfirmed, otherwise a note that someone
        // tried, with the ways to sign in or reset the password. Their account is not changed.
        users.PasswordHasher.HashPassword(user, form.Password!);
        if (existing.EmailConfirmed)
        {
            await emails.SendRegistrationAttemptAsync(existing);
        }
        else
        {
            await emails.SendConfirmationAsync(existing);
        }

        return RedirectToAction(nameof(RegisterDone));
    }

    private async Task<IdentityResult> PasswordProblemsAsync(ApplicationUser user, string password)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, user, password)).Errors);
        }

        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }

    [HttpGet("register/check-email")]
    public IActionResult RegisterDone() => View();

    [HttpGet("confirm-email")]
    public async Task<IActionResult> ConfirmEmail(string? userId, string? code)
    {
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        var token = AccountEmails.DecodeToken(code);
        var confirmed = user is not null && token is not null && (await users.ConfirmEmailAsync(user, token)).Succeeded;
        return View(confirmed);
    }

    [HttpGet("login")]
    public IActionResult Login(string? returnUrl)
    {
        ViewData["ReturnUrl"] = returnUrl;
        return View(new LoginForm());
    }

    [HttpPost("login")]
    [EnableRateLimiting(RateLimiting.Authentication)]
    public async Task<IActionResult> Login(LoginForm form, string? returnUrl, [FromServices] IValidator<LoginForm> validator)
    {
        ViewData["ReturnUrl"] = returnUrl;
        if (!await validator.ValidateIntoAsync(form, ModelState))
        {
            return View(form);
        }

        var attempt = await passwordSignIn.AttemptAsync(form.Email!.Trim(), form.Password!, form.RememberMe, HttpContext.Connection.RemoteIpAddress);
        switch (attempt.Outcome)
        {
            case SignInOutcome.SignedIn:
                return LocalRedirect(SafeReturnUrl(returnUrl));
            case SignInOutcome.TwoFactorRequired:
                return RedirectToAction(nameof(LoginTwoFactor), new { returnUrl, rememberMe = form.RememberMe });
            case SignInOutcome.Throttled:
                // The sign-in page again, with how long to wait: 429, and Retry-After for clients that read it.
                var seconds = Math.Max(1, (int)Math.Ceiling(attempt.Wait.TotalSeconds));
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                var key = attempt.Throttle switch
                {
                    SignInCeilingKind.Address => "Login.Throttled.Address",
                    SignInCeilingKind.Global => "Login.Throttled.Global",
                    _ => "Login.Throttled.Account",
                };
                ModelState.AddModelError("", t[key, WaitText(seconds)]);
                return View(form);
            default:
                ModelState.AddModelError(nameof(LoginForm.Email), attempt.Outcome switch
                {
                    SignInOutcome.EmailNotConfirmed => t["Login.EmailNotConfirmed"],
                    SignInOutcome.LockedOut => t["Login.LockedOut"],
                    _ => t["Login.Failed"],
                });
                return View(form);
        }
    }

    /// <summary>A wait in whole seconds, or in minutes (rounded up) from a minute on: 「30秒」「5分」.</summary>
    private string WaitText(int seconds) =>
        seconds < 60 ? t.Plural("Login.Wait.Seconds", seconds, seconds) : t.Plural("Login.Wait.Minutes", (seconds + 59) / 60, (seconds + 59) / 60);

    [HttpGet("login/two-factor")]
    public async Task<IActionResult> LoginTwoFactor(string? returnUrl, bool rememberMe)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToAction(nameof(Login), new { returnUrl });
        }

        ViewData["ReturnUrl"] = returnUrl;
        return View(new TwoFactorCodeForm { RememberMe = rememberMe });
    }

    [HttpPost("login/two-factor")]
    [EnableRateLimiting(RateLimiting.Authentication)]
    public async Task<IActionResult> LoginTwoFactor(TwoFactorCodeForm form, string? returnUrl, [FromServices] IValidator<TwoFactorCodeForm> validator)
    {
        ViewData["ReturnUrl"] = returnUrl;
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToAction(nameof(Login), new { returnUrl });
        }

        if (!await validator.ValidateIntoAsync(form, ModelState))
        {
            return View(form);
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(form.NormalizedCode, form.RememberMe, rememberClient: false);
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl(returnUrl));
        }

        ModelState.AddModelError(nameof(TwoFactorCodeForm.Code), result.IsLockedOut ? t["Login.LockedOut"] : t["Login.WrongCode"]);
        return View(form);
    }

    [HttpGet("login/recovery-code")]
    public async Task<IActionResult> LoginRecoveryCode(string? returnUrl)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToAction(nameof(Login), new { returnUrl });
        }

        ViewData["ReturnUrl"] = returnUrl;
        return View(new RecoveryCodeForm());
    }

    [HttpPost("login/recovery-code")]
    [EnableRateLimiting(RateLimiting.Authentication)]
    public async Task<IActionResult> LoginRecoveryCode(RecoveryCodeForm form, string? returnUrl, [FromServices] IValidator<RecoveryCodeForm> validator)
    {
        ViewData["ReturnUrl"] = returnUrl;
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToAction(nameof(Login), new { returnUrl });
        }

        if (!await validator.ValidateIntoAsync(form, ModelState))
        {
            return View(form);
        }

        var code = form.RecoveryCode!.Replace(" ", "", StringComparison.Ordinal).Trim();
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl(returnUrl));
        }

        ModelState.AddModelError(nameof(RecoveryCodeForm.RecoveryCode), result.IsLockedOut ? t["Login.LockedOut"] : t["Identity.InvalidRecoveryCode"]);
        return View(form);
    }

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
    public async Task<IActionResult> ForgotPassword(
        ForgotPasswordForm form, [FromServices] IValidator<ForgotPasswordForm> validator, [FromServices] Outbox outbox, [FromServices] SmeDbContext db)
    {
        if (!await validator.ValidateIntoAsync(form, ModelState))
        {
            return View(form);
        }

        // The answer is the same whether or not the account exists, and as quick: the page must not reveal who has one.
        // The email goes through the outbox, after the request (its link is made when it is sent).
        var user = await users.FindByEmailAsync(form.Email!.Trim());
        if (user is not null && await users.IsEmailConfirmedAsync(user))
        {
            outbox.Email(user.Id, AccountEmails.PasswordResetTemplate, AccountEmails.PasswordResetPath, []);
            await db.SaveChangesAsync();
        }

        return RedirectToAction(nameof(ForgotPasswordDone));
    }

    [HttpGet("forgot-password/check-email")]
    public IActionResult ForgotPasswordDone() => View();

    [HttpGet("reset-password")]
    public IActionResult ResetPassword(string? userId, string? code) =>
        View(new ResetPasswordForm { UserId = userId, Code = code });

    [HttpPost("reset-password")]
    [EnableRateLimiting(RateLimiting.Authentication)]
    public async Task<IActionResult> ResetPassword(ResetPasswordForm form, [FromServices] IValidator<ResetPasswordForm> validator, [FromServices] UserSessions sessions, [FromServices] AccountThrottle throttle)
    {
        if (!await validator.ValidateIntoAsync(form, ModelState))
        {
            return View(form);
        }

        var user = form.UserId is null ? null : await users.FindByIdAsync(form.UserId);
        var token = AccountEmails.DecodeToken(form.Code);
        if (user is null || token is null)
        {
            ModelState.AddModelError("", t["Identity.InvalidToken"]);
            return View(form);
        }

        var result = await users.ResetPasswordAsync(user, token, form.Password!);
        if (!result.Succeeded)
        {
            ModelState.AddIdentityErrors(result);
            return View(form);
        }

        // A working reset link proves the address; an account locked or kept waiting by someone else's guesses is opened
        // again, and whoever is signed in to it (with the old password, or a copied cookie) is signed out everywhere.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await throttle.EndRunAsync(users.NormalizeEmail(user.Email!));
        await sessions.EndAllAsync(user.Id);
        return RedirectToAction(nameof(ResetPasswordDone));
    }

    [HttpGet("reset-password/done")]
    public IActionResult ResetPasswordDone() => View();

    private string SafeReturnUrl(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
