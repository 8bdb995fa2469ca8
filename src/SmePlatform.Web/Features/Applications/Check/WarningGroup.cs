using SmePlatform.Domain.Integrity;

namespace SmePlatform.Web.Features.Applications.Check;

/// <summary>One rule's findings on the check page: the first few explained, and how many more there are like them.</summary>
public sealed record WarningGroup(IntegrityRule Rule, IReadOnlyList<string> Explanations, int More)
{
    /// <summary>How many findings of one rule are explained; a long list of the same warning says no more than its count.</summary>
    public const int Shown = 5;

    public static IReadOnlyList<WarningGroup> Of(IEnumerable<Finding> findings, Func<Finding, string> explain) =>
        [.. findings.GroupBy(f => f.Rule).Select(g => new WarningGroup(g.Key, [.. g.Take(Shown).Select(explain)], Math.Max(0, g.Count() - Shown)))];
}
