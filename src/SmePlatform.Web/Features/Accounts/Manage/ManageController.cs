using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using QRCoder;
using SmePlatform.Web.Data;
using SmePlatform.Web.Infrastructure.Auditing;
using SmePlatform.Web.Infrastructure.Forms;
using SmePlatform.Web.Infrastructure.Security;
using SmePlatform.Web.Infrastructure.Sessions;

namespace SmePlatform.Web.Features.Accounts.Manage;

/// <summary>The signed-in person's own account: password, two-factor sign-in, and where they are signed in.</summary>
[Authorize]
[Route("account/manage")]
public sealed class ManageController(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    UserSessions sessions,
    AuditLog audit,
    SmeDbContext db,
    IStringLocalizer<SharedResource> t) : Controller
{
    private const string Issuer = "SmePlatform";
    private const int RecoveryCodeCount = 10;

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var user = await CurrentUserAsync();
        return View(user);
    }

    [HttpGet("change-password")]
    public IActionResult ChangePassword() => View(new ChangePasswordForm());

    [HttpPost("change-password")]
    public async Task<IActionResult> ChangePassword(ChangePasswordForm form, [FromServices] IValidator<ChangePasswordForm> validator)
    {
        if (!await validator.ValidateIntoAsync(form, ModelState))
        {
            return View(form);
        }

        var user = await CurrentUserAsync();
        var result = await users.ChangePasswordAsync(user, form.CurrentPassword!, form.NewPassword!);
        if (!result.Succeeded)
        {
            ModelState.AddIdentityErrors(result, passwordField: nameof(ChangePasswordForm.NewPassword));
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                // The wrong current password belongs beside the current-password field.
                ModelState.Remove(nameof(ChangePasswordForm.NewPassword));
                ModelState.AddModelError(nameof(ChangePasswordForm.CurrentPassword), t["Identity.PasswordMismatch"]);
            }

            return View(form);
        }

        // Whoever else holds a sign-in (a copied cookie, a forgotten browser) is out; this one goes on, re-issued.
        await EndOtherSessionsAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Notice"] = t["Manage.PasswordChanged"].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("two-factor")]
    public async Task<IActionResult> TwoFactor(bool required = false)
    {
        var user = await CurrentUserAsync();
        return View(new TwoFactorStatus(
            await users.GetTwoFactorEnabledAsync(user),
            await users.CountRecoveryCodesAsync(user),
            IsStaff(),
            required));
    }

    [HttpGet("two-factor/authenticator")]
    public async Task<IActionResult> EnableAuthenticator()
    {
        ViewData["Setup"] = await AuthenticatorSetupAsync(await CurrentUserAsync());
        return View(new TwoFactorCodeForm());
    }

    [HttpPost("two-factor/authenticator")]
    public async Task<IActionResult> EnableAuthenticator(TwoFactorCodeForm form, [FromServices] IValidator<TwoFactorCodeForm> validator)
    {
        var user = await CurrentUserAsync();
        if (await validator.ValidateIntoAsync(form, ModelState)
            && !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, form.NormalizedCode))
        {
            ModelState.AddModelError(nameof(TwoFactorCodeForm.Code), t["Login.WrongCode"]);
        }

        if (!ModelState.IsValid)
        {
            ViewData["Setup"] = await AuthenticatorSetupAsync(user);
            return View(form);
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await EndOtherSessionsAsync(user);
        // The code just typed is a second factor: this sign-in now counts as two-factor.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false,
            [new Claim(TwoFactorSignInRequirement.ClaimType, TwoFactorSignInRequirement.ClaimValue)]);
        return View("RecoveryCodes", codes);
    }

    [HttpPost("two-factor/recovery-codes")]
    public async Task<IActionResult> NewRecoveryCodes()
    {
        var user = await CurrentUserAsync();
        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return RedirectToAction(nameof(TwoFactor));
        }

        // Shown once, straight from this response: the codes are never stored in a cookie or TempData.
        return View("RecoveryCodes", await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount));
    }

    [HttpPost("two-factor/disable")]
    public async Task<IActionResult> DisableTwoFactor()
    {
        if (IsStaff())
        {
            // Staff see every application: two-factor sign-in is not optional for them.
            return Forbid();
        }

        var user = await CurrentUserAsync();
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await EndOtherSessionsAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Notice"] = t["Manage.TwoFactorDisabled"].Value;
        return RedirectToAction(nameof(TwoFactor));
    }

    [HttpGet("sessions")]
    public async Task<IActionResult> Sessions()
    {
        var user = await CurrentUserAsync();
        return View(await sessions.ListAsync(user.Id));
    }

    /// <summary>Ends one of the person's sign-ins; another person's, or one already ended, is not found.</summary>
    [HttpPost("sessions/end")]
    public async Task<IActionResult> EndSession(Guid? session)
    {
        if (session is not { } id)
        {
            // Not a sign-in's id at all: the page's own form always sends one.
            return BadRequest();
        }

        if (id == sessions.Current)
        {
            await signIn.SignOutAsync();
            TempData["Notice"] = t["Sessions.EndedThis"].Value;
            return RedirectToAction("Login", "Account");
        }

        var user = await CurrentUserAsync();
        var ended = await sessions.EndAsync(user.Id, id);
        if (ended is null)
        {
            return NotFound();
        }

        await AuditIfStaffAsync(user, "user-sessions.ended", 1);
        TempData["Notice"] = t["Sessions.Ended", DeviceText(ended)].Value;
        return RedirectToAction(nameof(Sessions));
    }

    [HttpPost("sessions/end-all")]
    public async Task<IActionResult> EndAllSessions()
    {
        var user = await CurrentUserAsync();
        var ended = await sessions.EndAllAsync(user.Id);
        await AuditIfStaffAsync(user, "user-sessions.ended-all", ended);
        await signIn.SignOutAsync();
        TempData["Notice"] = t["Sessions.EndedEverywhere"].Value;
        return RedirectToAction("Login", "Account");
    }

    /// <summary>"Chrome（Windows）" / "Chrome on Windows", with "unknown" for what the User-Agent did not say.</summary>
    public static string DeviceText(SessionSummary session, IStringLocalizer localizer) =>
        localizer["Sessions.Device", session.Browser ?? localizer["Sessions.UnknownBrowser"].Value, session.Platform ?? localizer["Sessions.UnknownPlatform"].Value].Value;

    private string DeviceText(SessionSummary session) => DeviceText(session, t);

    /// <summary>After a change of password or second factor: every other sign-in of the person ends.</summary>
    private async Task EndOtherSessionsAsync(ApplicationUser user)
    {
        var ended = await sessions.EndAllAsync(user.Id, except: sessions.Current);
        await AuditIfStaffAsync(user, "user-sessions.ended-others", ended);
    }

    /// <summary>Staff actions are audited: the person by id, how many sign-ins ended, nothing else.</summary>
    private async Task AuditIfStaffAsync(ApplicationUser user, string action, int ended)
    {
        if (IsStaff() && ended > 0)
        {
            audit.Record(action, "User", user.Id, $"sessions-ended={ended}");
            await db.SaveChangesAsync();
        }
    }

    private bool IsStaff() => StaffRoles.All.Any(role => User.IsInRole(role.Name));

    private async Task<ApplicationUser> CurrentUserAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("A signed-in user has no account row.");

    private async Task<AuthenticatorSetup> AuthenticatorSetupAsync(ApplicationUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }

        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return new AuthenticatorSetup(FormatKey(key), "data:image/png;base64," + Convert.ToBase64String(png));
    }

    /// <summary>Groups of four lower-case characters are easier to type into an app.</summary>
    private static string FormatKey(string key) =>
        string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(chunk => new string(chunk)));
}
