using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using QRCoder;
using SmePlatform.Web.Data;
using SmePlatform.Web.Infrastructure.Forms;
using SmePlatform.Web.Infrastructure.Security;

namespace SmePlatform.Web.Features.Accounts.Manage;

/// <summary>The signed-in person's own account: password and two-factor sign-in.</summary>
[Authorize]
[Route("account/manage")]
public sealed class ManageController(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
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
        await signIn.RefreshSignInAsync(user);
        TempData["Notice"] = t["Manage.TwoFactorDisabled"].Value;
        return RedirectToAction(nameof(TwoFactor));
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
