using System.Text.RegularExpressions;
using SmePlatform.Web.Infrastructure;

namespace SmePlatform.UnitTests.Architecture;

/// <summary>
/// docs/architecture.md draws the features and the features each uses; the drawing is the compiled graph
/// (<see cref="FeatureGraph"/>), so the document cannot drift from the code.
/// </summary>
public partial class ArchitectureDocumentTests
{
    private const string Begin = "<!-- feature-graph -->";
    private const string End = "<!-- /feature-graph -->";

    [Fact]
    public void TheDocumentsFeatureGraph_IsTheCompiledOne()
    {
        var graph = FeatureGraph.Of(typeof(PlatformSetup).Assembly);
        var actual = graph.Features.ToDictionary(
            feature => feature,
            feature => graph.Edges.Keys.Where(e => e.From == feature).Select(e => e.To).Order(StringComparer.Ordinal).ToList(),
            StringComparer.Ordinal);

        var document = File.ReadAllText(Path.Combine(Repository.Root, "docs", "architecture.md"));
        var start = document.IndexOf(Begin, StringComparison.Ordinal);
        var end = document.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/architecture.md has no {Begin} … {End} block.");
        var drawn = Line().Matches(document[start..end])
            .ToDictionary(
                m => m.Groups["from"].Value,
                m => m.Groups["to"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(t => t != "—").ToList(),
                StringComparer.Ordinal);

        var expected = string.Join('\n', actual.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} → {(p.Value.Count == 0 ? "—" : string.Join(", ", p.Value))}"));
        var written = string.Join('\n', drawn.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} → {(p.Value.Count == 0 ? "—" : string.Join(", ", p.Value))}"));
        Assert.True(expected == written, "Redraw the feature graph in docs/architecture.md as:\n" + expected);
    }

    [GeneratedRegex(@"^\s*(?<from>[A-Za-z.]+) → (?<to>.*)$", RegexOptions.Multiline)]
    private static partial Regex Line();
}
