using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Businesses;
using SmePlatform.Web.Data.ReferenceData;
using SmePlatform.Web.Infrastructure.Localization;

namespace SmePlatform.Web.Features.Businesses;

/// <summary>The postal lookup of the basics page in words: what it filled from the postal code and what it kept (<see cref="AddressFill"/>).</summary>
public static class PostalLookup
{
    /// <summary>
    /// What the lookup did, in words: the parts filled, the parts kept that disagree (with the postal code's address,
    /// as <see cref="AddressDisplay"/> writes it for the page's language), or that all agrees.
    /// </summary>
    public static IHtmlContent Notice(AddressFill fill, IReadOnlyList<PostalAddress> addresses, ReferenceCatalog reference, IStringLocalizer t)
    {
        var separator = t["List.Separator"].Value;
        string Parts(IEnumerable<AddressPart> parts, bool filled) =>
            string.Join(separator, parts.Select(part => t["Business.AddressPart." + (filled && part == AddressPart.Street ? "Town" : part.ToString())].Value));
        var first = addresses[0];
        var sentences = new List<IHtmlContent>();
        if (fill.Filled.Count > 0)
        {
            sentences.Add(Text(t["Business.AddressFilledParts", Parts(fill.Filled, filled: true)]));
        }

        if (fill.Differing.Count > 0)
        {
            var postal = AddressDisplay.Html(null, first.PrefectureCode, first.City, addresses.Count == 1 ? first.Town : null, reference, t)!;
            sentences.Add(new HtmlContentBuilder().AppendFormat(CultureInfo.CurrentCulture, t["Business.AddressKept"].Value, Parts(fill.Differing, filled: false), postal));
        }

        if (addresses.Count > 1 && (string.IsNullOrWhiteSpace(fill.Address.Street) || fill.Differing.Contains(AddressPart.Street)))
        {
            sentences.Add(Text(t["Business.AddressSeveral", string.Join(separator, addresses.Select(a => a.Town))]));
        }
        else if (fill.Filled.Contains(AddressPart.Street))
        {
            sentences.Add(Text(t["Business.AddressAddNumber"]));
        }

        if (sentences.Count == 0)
        {
            sentences.Add(Text(t["Business.AddressAgrees"]));
        }

        var notice = new HtmlContentBuilder();
        for (var i = 0; i < sentences.Count; i++)
        {
            notice.AppendHtml(i == 0 ? sentences[i] : new HtmlContentBuilder().Append(Display.Text("", " ")).AppendHtml(sentences[i]));
        }

        return notice;
    }

    /// <summary>A notice as the HTML the page's script puts into the page, encoded as the pages are.</summary>
    public static string Html(IHtmlContent content, HtmlEncoder encoder)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        content.WriteTo(writer, encoder);
        return writer.ToString();
    }

    private static IHtmlContent Text(string text) => new HtmlContentBuilder().Append(text);
}
