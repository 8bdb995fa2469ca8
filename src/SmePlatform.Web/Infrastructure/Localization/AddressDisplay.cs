using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using SmePlatform.Web.Data.ReferenceData;

namespace SmePlatform.Web.Infrastructure.Localization;

/// <summary>
/// A business's address as a reader of the page's language can use it. Japanese pages write it the Japanese way,
/// in one line: 〒100-0013 東京都千代田区霞が関1-3-1. English pages keep the parts people typed as they typed them,
/// in their own order and marked <c>lang="ja"</c> when Japanese (a postal worker in Japan reads them; they are not
/// translated or romanised), followed by what an English reader needs to place it: the prefecture's English
/// name, the postal code and the country — 千代田区霞が関1-3-1, Tokyo 100-0013, Japan.
/// </summary>
public static class AddressDisplay
{
    /// <summary>The address, or null when none of its parts is known.</summary>
    public static IHtmlContent? Html(string? postalCode, string? prefectureCode, string? city, string? street, ReferenceCatalog reference, IStringLocalizer t)
    {
        var prefecture = prefectureCode is null ? null : reference.Prefecture(prefectureCode);
        var postal = postalCode is { Length: 7 } ? $"{postalCode[..3]}-{postalCode[3..]}" : postalCode;
        var local = Local(city, street);
        if (postal is null && prefecture is null && local is null)
        {
            return null;
        }

        var html = new HtmlContentBuilder();
        if (Cultures.IsJapanese(CultureInfo.CurrentUICulture))
        {
            var line = prefecture?.NameJa + (local is not null && prefecture is not null && Display.LanguageOf(local) is null ? " " : "") + local;
            return html.Append(string.Join(' ', new[] { postal is null ? null : "〒" + postal, line }.Where(p => !string.IsNullOrEmpty(p))));
        }

        var parts = new List<IHtmlContent>();
        if (local is not null)
        {
            parts.Add(Typed(local));
        }

        if (string.Join(' ', new[] { prefecture?.NameEn, postal }.Where(p => p is not null)) is { Length: > 0 } place)
        {
            parts.Add(new HtmlContentBuilder().Append(place));
        }

        parts.Add(new HtmlContentBuilder().Append(t["Business.AddressCountry"]));
        for (var i = 0; i < parts.Count; i++)
        {
            html.AppendHtml(i == 0 ? parts[i] : new HtmlContentBuilder().Append(", ").AppendHtml(parts[i]));
        }

        return html;
    }

    /// <summary>The typed parts: Japanese in the Japanese order (city, then street), otherwise street, city.</summary>
    private static string? Local(string? city, string? street)
    {
        (city, street) = (string.IsNullOrWhiteSpace(city) ? null : city.Trim(), string.IsNullOrWhiteSpace(street) ? null : street.Trim());
        if (city is null || street is null)
        {
            return city ?? street;
        }

        return Display.LanguageOf(city + street) is not null ? city + street : $"{street}, {city}";
    }

    private static IHtmlContentBuilder Typed(string text)
    {
        var html = new HtmlContentBuilder();
        if (Display.LanguageOf(text) is not { } language)
        {
            return html.Append(text);
        }

        var span = new TagBuilder("span");
        span.Attributes["lang"] = language;
        span.InnerHtml.Append(text);
        return html.AppendHtml(span);
    }
}
