using Ganss.Xss;
using Microsoft.AspNetCore.Html;
using SmePlatform.Web.Data;

namespace SmePlatform.Web.Infrastructure.Content;

/// <summary>
/// HTML from outside (a jGrants <c>detail</c>) cleaned by HtmlSanitizer (ADR 0008): its allow-list keeps text
/// structure and links to http(s) and mailto, and drops scripts, event handlers, frames, forms and inline style
/// (which the Content-Security-Policy would block anyway). Cleaned when imported and again when shown.
/// </summary>
public static class SafeHtml
{
    private static readonly HtmlSanitizer Sanitizer = Create();

    public static string Clean(string html) => Sanitizer.Sanitize(html);

    /// <summary>The text of a fragment without any markup, for summaries and search.</summary>
    public static string TextOf(string html)
    {
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        using var document = parser.ParseDocument($"<body>{Clean(html)}</body>");
        return string.Join(' ', (document.Body?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>A measure's body in the reader's language, rendered by its format.</summary>
    public static IHtmlContent Body(SupportMeasure measure, bool japanese)
    {
        var body = japanese ? measure.BodyJa : measure.BodyEn;
        return measure.BodyFormat == BodyFormat.Html ? new HtmlString(Clean(body)) : Markdown.ToHtml(body);
    }

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedAttributes.Remove("class");
        sanitizer.AllowedAttributes.Remove("id");
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        foreach (var tag in new[] { "form", "input", "button", "select", "textarea", "img" })
        {
            sanitizer.AllowedTags.Remove(tag);
        }

        return sanitizer;
    }
}
