using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using SmePlatform.Web.Infrastructure.Localization;

namespace SmePlatform.Web.Features.Language;

/// <summary>The language switch: remembers the choice in a cookie for a year and returns to the same page.</summary>
[AllowAnonymous]
public sealed class LanguageController : Controller
{
    [HttpPost("/language")]
    public IActionResult Set(string? culture, string? returnUrl)
    {
        if (Cultures.IsSupported(culture))
        {
            Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture!)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = Request.IsHttps });
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
