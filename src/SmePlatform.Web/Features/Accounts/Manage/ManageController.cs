using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using SmePlatform.Web.Data;
using SmePlatform.Web.Features.Accounts.Manage.Authenticator;
using SmePlatform.Web.Features.Accounts.Manage.PasswordChange;
using SmePlatform.Web.Features.Accounts.Manage.SignIns;
using SmePlatform.Web.Infrastructure.Sessions;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Accounts.Manage;

/// <summary>
/// The signed-in person's own account: password, two-factor sign-in, and where they are signed in. Each change is a
/// handler in its folder beside this controller (ADR 0016).
/// </summary>
[Authorize]
[Route("account/manage")]
public sealed class ManageController(UserManager<ApplicationUser> users, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await users.RequireAsync(User));

    [HttpGet("change-password")]
    public IActionResult ChangePassword() => View(new ChangePasswordForm());

    [HttpPost("change-password")]
    public async Task<IActionResult> ChangePassword(ChangePasswordForm form, [FromServices] ChangePasswordHandler handler)
    {
        var outcome = await handler.HandleAsync(form, User);
        if (!outcome.IsDone)
        {
            ModelState.AddOutcomeErrors(outcome);
            return View(form);
        }

        TempData["Notice"] = t["Manage.PasswordChanged"].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("two-factor")]
    public async Task<IActionResult> TwoFactor([FromServices] TwoFactorStatusQuery query, bool required = false) =>
        View(await query.HandleAsync(User, required));

    [HttpGet("two-factor/authenticator")]
    public async Task<IActionResult> EnableAuthenticator([FromServices] AuthenticatorSetupQuery setup)
    {
        ViewData["Setup"] = await setup.HandleAsync(User);
        return View(new TwoFactorCodeForm());
    }

    [HttpPost("two-factor/authenticator")]
    public async Task<IActionResult> EnableAuthenticator(
        TwoFactorCodeForm form, [FromServices] EnableAuthenticatorHandler handler, [FromServices] AuthenticatorSetupQuery setup)
    {
        var outcome = ModelState.IsValid ? await handler.HandleAsync(form, User) : null;
        if (outcome is not { IsDone: true })
        {
            if (outcome is not null)
            {
                ModelState.AddOutcomeErrors(outcome);
            }

            ViewData["Setup"] = await setup.HandleAsync(User);
            return View(form);
        }

        return View("RecoveryCodes", outcome.Value);
    }

    [HttpPost("two-factor/recovery-codes")]
    public async Task<IActionResult> NewRecoveryCodes([FromServices] NewRecoveryCodesHandler handler)
    {
        var outcome = await handler.HandleAsync(User);
        return outcome.IsDone ? View("RecoveryCodes", outcome.Value) : RedirectToAction(nameof(TwoFactor));
    }

    [HttpPost("two-factor/disable")]
    public async Task<IActionResult> DisableTwoFactor([FromServices] DisableTwoFactorHandler handler)
    {
        if (!(await handler.HandleAsync(User)).IsDone)
        {
            return Forbid();
        }

        TempData["Notice"] = t["Manage.TwoFactorDisabled"].Value;
        return RedirectToAction(nameof(TwoFactor));
    }

    [HttpGet("sessions")]
    public async Task<IActionResult> Sessions([FromServices] UserSessions sessions) =>
        View(await sessions.ListAsync((await users.RequireAsync(User)).Id));

    /// <summary>Ends one of the person's sign-ins; another person's, or one already ended, is not found.</summary>
    [HttpPost("sessions/end")]
    public async Task<IActionResult> EndSession(Guid? session, [FromServices] EndSessionHandler handler)
    {
        if (session is not { } id)
        {
            // Not a sign-in's id at all: the page's own form always sends one.
            return BadRequest();
        }

        var outcome = await handler.HandleAsync(id, User);
        if (!outcome.IsDone)
        {
            return NotFound();
        }

        if (outcome.Value is not { } ended)
        {
            TempData["Notice"] = t["Sessions.EndedThis"].Value;
            return RedirectToAction("Login", "Account");
        }

        TempData["Notice"] = t["Sessions.Ended", DeviceText(ended, t)].Value;
        return RedirectToAction(nameof(Sessions));
    }

    [HttpPost("sessions/end-all")]
    public async Task<IActionResult> EndAllSessions([FromServices] EndAllSessionsHandler handler)
    {
        await handler.HandleAsync(User);
        TempData["Notice"] = t["Sessions.EndedEverywhere"].Value;
        return RedirectToAction("Login", "Account");
    }

    /// <summary>"Chrome（Windows）" / "Chrome on Windows", with "unknown" for what the User-Agent did not say.</summary>
    public static string DeviceText(SessionSummary session, IStringLocalizer localizer) =>
        localizer["Sessions.Device", session.Browser ?? localizer["Sessions.UnknownBrowser"].Value, session.Platform ?? localizer["Sessions.UnknownPlatform"].Value].Value;
}
