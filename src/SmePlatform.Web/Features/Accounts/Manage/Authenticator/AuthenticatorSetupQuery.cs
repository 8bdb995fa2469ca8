using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using QRCoder;
using SmePlatform.Web.Data;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Accounts.Manage.Authenticator;

/// <summary>
/// What the authenticator set-up page shows: the person's key as a QR code and as text to type. A key is made the first
/// time it is asked for and kept until two-factor sign-in is turned off.
/// </summary>
public sealed class AuthenticatorSetupQuery(UserManager<ApplicationUser> users) : IUseCase
{
    private const string Issuer = "SmePlatform";

    public async Task<AuthenticatorSetup> HandleAsync(ClaimsPrincipal principal)
    {
        var user = await users.RequireAsync(principal);
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
