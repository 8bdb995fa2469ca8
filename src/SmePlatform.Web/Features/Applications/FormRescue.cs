using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Applications;

namespace SmePlatform.Web.Features.Applications;

/// <summary>
/// When a session has expired while someone was filling in an application step, pressing Next must not lose what
/// they typed. Instead of a bare redirect to sign-in, the posted fields (never the antiforgery token; files cannot
/// be kept) are held for an hour under a random id, tied to this browser by a cookie that carries the id and a
/// key whose hash only the database holds. After signing in, <c>/rescued-forms/latest</c> shows them in a form that
/// posts to the step again, with a fresh token. The row is deleted when it is shown or when it expires.
/// </summary>
public static partial class FormRescue
{
    public const string CookieName = "sme.rescue";
    public const string ReturnPath = "/rescued-forms/latest";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    [GeneratedRegex(@"^/businesses/\d+/applications/\d+/(sections/[A-Za-z0-9_-]+|expenses|profile/change)$")]
    private static partial Regex Rescuable();

    /// <summary>Handles the redirect to sign-in for a rescuable post; false for anything else (the usual redirect applies).</summary>
    public static async Task<bool> TryRescueAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType || !Rescuable().IsMatch(request.Path.Value ?? ""))
        {
            return false;
        }

        var form = await request.ReadFormAsync(context.HttpContext.RequestAborted);
        if (form[ApplicationIntent.Field] == ApplicationIntent.Autosave)
        {
            // The page's script says it could not save; the person's next press of Next is rescued.
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return true;
        }

        var fields = form.Where(f => f.Key != "__RequestVerificationToken")
            .SelectMany(f => f.Value.Select(value => new[] { f.Key, value ?? "" }))
            .ToList();
        var services = context.HttpContext.RequestServices;
        var db = services.GetRequiredService<SmeDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var key = RandomNumberGenerator.GetHexString(32, lowercase: true);
        var rescue = new RescuedForm
        {
            Id = RandomNumberGenerator.GetHexString(32, lowercase: true),
            Path = request.Path.Value!,
            Fields = JsonSerializer.Serialize(fields),
            BrowserKeyHash = Hash(key),
            CreatedAtUtc = now,
            ExpiresAtUtc = now + Lifetime,
        };
        await db.RescuedForms.Where(r => r.ExpiresAtUtc < now).ExecuteDeleteAsync();
        db.RescuedForms.Add(rescue);
        await db.SaveChangesAsync();

        context.Response.Cookies.Append(CookieName, $"{rescue.Id}.{key}", new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = request.IsHttps,
            MaxAge = Lifetime,
            Path = "/rescued-forms",
        });
        context.Response.Redirect($"{context.Options.LoginPath}?ReturnUrl={Uri.EscapeDataString(ReturnPath)}");
        return true;
    }

    /// <summary>The fields held for this browser, removed as they are taken; null when there are none (or they expired).</summary>
    public static async Task<RescuedPost?> TakeAsync(HttpContext http, SmeDbContext db, DateTime nowUtc)
    {
        var cookie = http.Request.Cookies[CookieName];
        http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/rescued-forms" });
        if (cookie?.Split('.') is not [var id, var key])
        {
            return null;
        }

        var hash = Hash(key);
        var rescue = await db.RescuedForms.FirstOrDefaultAsync(r => r.Id == id && r.BrowserKeyHash == hash && r.ExpiresAtUtc > nowUtc);
        if (rescue is null)
        {
            return null;
        }

        db.RescuedForms.Remove(rescue);
        await db.SaveChangesAsync();
        var fields = JsonSerializer.Deserialize<List<string[]>>(rescue.Fields)!;
        return new RescuedPost(rescue.Path, [.. fields.Select(f => (f[0], f[1]))]);
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(key)));
}

public sealed record RescuedPost(string Path, IReadOnlyList<(string Name, string Value)> Fields);
