using Microsoft.AspNetCore.Authorization;
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
            LocalizationSetup.RememberCulture(HttpContext, culture!);
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
