using SmePlatform.Domain.SelfCheck;
using SmePlatform.Web.Data.SelfCheck;

namespace SmePlatform.Web.Features.SelfCheck;

/// <summary>
/// What is on record to score an industry: its own published thresholds (none for a business without an industry) and
/// the rank cut-offs, each with its source and date. Not yet published (<see cref="IsPublished"/> false) until all six
/// indicators have theirs: the page then shows the indicators unscored and says why.
/// </summary>
public sealed record BenchmarkStandard(string? Industry, IReadOnlyDictionary<Indicator, BenchmarkThreshold> Rows, BenchmarkRankCutoffs? Cutoffs)
{
    public IndustryStandard Standard => new(Rows.ToDictionary(r => r.Key, r => r.Value.Thresholds), Cutoffs?.Cutoffs);

    public bool IsPublished => Standard.IsPublished;

    /// <summary>Each distinct source of the values the scores come from, with its date: what the page says they come from.</summary>
    public IReadOnlyList<(string Source, DateOnly PublishedOn)> Sources =>
        !IsPublished ? [] : [.. Rows.Values.Select(r => (r.Source, r.PublishedOn)).Concat(Cutoffs is { } c ? [(c.Source, c.PublishedOn)] : []).Distinct()];

    public Assessment Assess(YearFigures current, YearFigures? previous) => Assessment.Of(current, previous, Standard);
}
