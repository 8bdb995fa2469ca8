using System.Globalization;

namespace SmePlatform.Web.Infrastructure.Localization;

/// <summary>Japanese first, English second.</summary>
public static class Cultures
{
    public const string Japanese = "ja";
    public const string English = "en";

    public static IReadOnlyList<string> Supported { get; } = [Japanese, English];

    public static bool IsJapanese(CultureInfo culture) => culture.TwoLetterISOLanguageName == Japanese;

    public static bool IsSupported(string? name) => name is not null && Supported.Contains(name);

    /// <summary>Runs <paramref name="work"/> with the UI culture set to <paramref name="culture"/> (text for an email, outside any request).</summary>
    public static T In<T>(string culture, Func<T> work)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return work();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
