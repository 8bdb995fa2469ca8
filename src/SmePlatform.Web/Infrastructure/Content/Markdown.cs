using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;
using SmePlatform.Domain.Text;

namespace SmePlatform.Web.Infrastructure.Content;

/// <summary>
/// Measure bodies are Markdown, rendered by Markdig with raw HTML disabled: whatever is typed becomes text,
/// never markup or script. Only tables and autolinks are added to CommonMark. Links and images go only to
/// http(s), mailto or a path on this site; any other target (javascript:, data:) is dropped when rendering
/// and refused by the editor (<see cref="UnsafeLinks"/>).
/// </summary>
public static class Markdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseAutoLinks()
        .Build();

    public static IHtmlContent ToHtml(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().Where(l => !IsSafe(l.Url)))
        {
            link.Url = "";
        }

        foreach (var link in document.Descendants<AutolinkInline>().Where(l => !l.IsEmail && !IsSafe(l.Url)))
        {
            link.Url = "";
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return new HtmlString(writer.ToString());
    }

    /// <summary>The link and image targets in <paramref name="markdown"/> that rendering would drop.</summary>
    public static IReadOnlyList<string> UnsafeLinks(string? markdown)
    {
        if (string.IsNullOrEmpty(markdown))
        {
            return [];
        }

        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        return
        [
            .. document.Descendants<LinkInline>().Select(l => l.Url)
                .Concat(document.Descendants<AutolinkInline>().Where(l => !l.IsEmail).Select(l => l.Url))
                .Where(url => !IsSafe(url))
                .Select(url => url ?? ""),
        ];
    }

    private static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return true;
        }

        var trimmed = url.Trim();
        if (trimmed.StartsWith('/') && !trimmed.StartsWith("//", StringComparison.Ordinal))
        {
            return true;
        }

        return WebAddress.IsHttpOrMailto(trimmed);
    }
}
