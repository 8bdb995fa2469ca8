using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmePlatform.Web;

namespace SmePlatform.UnitTests.Validators;

/// <summary>The app's real strings, as validators see them, in a chosen language.</summary>
internal static class Localizer
{
    public static IStringLocalizer<SharedResource> Japanese()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ja");
        var factory = new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
        return new StringLocalizer<SharedResource>(factory);
    }
}
