using Markdig;
using Microsoft.AspNetCore.Html;

namespace SmePlatform.Web.Infrastructure.Content;

/// <summary>
/// Measure bodies are Markdown, rendered by Markdig with raw HTML disabled: whatever is typed becomes text,
/// never markup or script. Only tables and autolinks are added to CommonMark.
/// </summary>
public static class Markdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseAutoLinks()
        .Build();

    public static IHtmlContent ToHtml(string markdown) => new HtmlString(Markdig.Markdown.ToHtml(markdown, Pipeline));
}
