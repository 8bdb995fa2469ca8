using SmePlatform.Domain.SelfCheck;
using SmePlatform.Web.Data.ReferenceData;
using SmePlatform.Web.Data.SelfCheck;

namespace SmePlatform.Web.Features.Admin.SelfCheck;

/// <summary>An industry (JSIC major group) and its published thresholds on record, by indicator.</summary>
public sealed record IndustryCoverage(JsicCategory Industry, IReadOnlyDictionary<Indicator, BenchmarkThreshold> Rows)
{
    /// <summary>All six indicators have their thresholds: the industry's businesses are scored.</summary>
    public bool IsPublished => LocalBenchmark.Indicators.All(Rows.ContainsKey);

    /// <summary><c>published</c>, <c>partial</c> or <c>missing</c>: what the list says of the industry.</summary>
    public string State => IsPublished ? "published" : Rows.Count > 0 ? "partial" : "missing";
}
