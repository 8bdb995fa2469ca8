using SmePlatform.Domain.SelfCheck;

namespace SmePlatform.Web.Data.SelfCheck;

/// <summary>The rank cut-offs (the lowest total of ranks A, B and C), one row once loaded, with where they come from; no rank is given without it.</summary>
public class BenchmarkRankCutoffs : IVersioned
{
    public const int TheOne = 1;

    public int Id { get; set; } = TheOne;
    public int A { get; set; }
    public int B { get; set; }
    public int C { get; set; }
    public string Source { get; set; } = "";
    public DateOnly PublishedOn { get; set; }
    public int Version { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    public RankCutoffs Cutoffs => new(A, B, C);
}
