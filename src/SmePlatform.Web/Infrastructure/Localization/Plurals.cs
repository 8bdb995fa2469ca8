using System.Globalization;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Text;

namespace SmePlatform.Web.Infrastructure.Localization;

/// <summary>
/// Messages with a count, in the form the count takes in the page's language. English strings for a count have a
/// singular form beside them under the key and ".one" ("{0} measure found" beside "{0} measures found"); Japanese has
/// none, and the key's own string is used for every other count (CLDR's "other").
/// </summary>
public static class Plurals
{
    /// <summary>The message <paramref name="key"/> for <paramref name="count"/>, formatted with <paramref name="arguments"/>.</summary>
    public static LocalizedString Plural(this IStringLocalizer t, string key, decimal count, params object[] arguments)
    {
        var category = PluralRules.Category(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, count);
        if (category != PluralRules.Other && t[$"{key}.{category}", arguments] is { ResourceNotFound: false } form)
        {
            return form;
        }

        return t[key, arguments];
    }

    /// <summary>
    /// A message whose arguments come as data (an engine's reason, a check's result, a flag's stored values): its count
    /// is its first whole number, an <see cref="int"/> (amounts of yen are <see cref="long"/>) or, in text, the first
    /// value that reads as one ("1,234").
    /// </summary>
    public static LocalizedString PluralOfFirstCount(this IStringLocalizer t, string key, IReadOnlyList<object> values, params object[] arguments) =>
        CountIn(values) is { } count ? t.Plural(key, count, arguments) : t[key, arguments];

    /// <summary>The first whole-number count among <paramref name="values"/>, if any.</summary>
    public static int? CountIn(IEnumerable<object> values)
    {
        foreach (var value in values)
        {
            switch (value)
            {
                case int count:
                    return count;
                case string text when int.TryParse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var count):
                    return count;
            }
        }

        return null;
    }
}
