using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Html;
using SmePlatform.Web.Infrastructure.Content;
using SmePlatform.Web.Infrastructure.Localization;

namespace SmePlatform.Web.Features.Info;

/// <summary>
/// One page about the site: its title and its body (the Markdown after the title), as HTML, in parts: between two
/// parts goes the site's contact address as configured (<see cref="InfoPages.ContactMarker"/>).
/// </summary>
public sealed record InfoPage(string Key, string Title, IReadOnlyList<IHtmlContent> Parts);

/// <summary>
/// The pages a public service owes its users — about, terms of use, privacy policy, accessibility statement, contact —
/// written in Markdown, one file per language (Content/{key}.{ja|en}.md, embedded in the assembly), rendered by the
/// site's Markdown helper once per process. A file's first line is its title ("# …"). A line that is only
/// <see cref="ContactMarker"/> marks where the contact address goes: it depends on the configuration (<see cref="SiteOptions"/>),
/// so every page that says where to write says the same, whatever is set.
/// </summary>
public static class InfoPages
{
    public const string About = "about";
    public const string Terms = "terms";
    public const string Privacy = "privacy";
    public const string Accessibility = "accessibility";
    public const string Contact = "contact";

    /// <summary>The line of a page's Markdown where the contact address (or, without one, how else to report) goes.</summary>
    public const string ContactMarker = "{{contact-address}}";

    /// <summary>The pages in the order the footer links them.</summary>
    public static IReadOnlyList<string> Keys { get; } = [About, Terms, Privacy, Accessibility, Contact];

    private static readonly ConcurrentDictionary<(string Key, string Language), InfoPage> Rendered = new();

    public static InfoPage Get(string key, CultureInfo culture) =>
        Rendered.GetOrAdd((key, Cultures.IsJapanese(culture) ? Cultures.Japanese : Cultures.English), Render);

    /// <summary>The Markdown of a page in a language, as shipped.</summary>
    public static string Source(string key, string language)
    {
        var name = $"{typeof(InfoPages).Namespace}.Content.{key}.{language}.md";
        using var stream = typeof(InfoPages).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The page {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static InfoPage Render((string Key, string Language) page)
    {
        var markdown = Source(page.Key, page.Language).ReplaceLineEndings("\n");
        var end = markdown.IndexOf('\n', StringComparison.Ordinal);
        var first = end < 0 ? markdown : markdown[..end];
        if (!first.StartsWith("# ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The page {page.Key}.{page.Language}.md does not start with its title (\"# …\").");
        }

        var body = end < 0 ? "" : markdown[(end + 1)..];
        var parts = body.Split($"\n{ContactMarker}\n", StringSplitOptions.None);
        return new InfoPage(page.Key, first[2..].Trim(), [.. parts.Select(Markdown.ToHtml)]);
    }
}
