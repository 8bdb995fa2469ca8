using SmePlatform.Web.Data.SelfCheck;

namespace SmePlatform.Web.Features.Admin.SelfCheck;

/// <summary>The benchmark list: every industry with what it has on record, and the rank cut-offs.</summary>
public sealed record BenchmarkPage(IReadOnlyList<IndustryCoverage> Industries, BenchmarkRankCutoffs? Cutoffs)
{
    public int Lacking => Industries.Count(i => !i.IsPublished);
}
