using SmePlatform.Domain.SelfCheck;

namespace SmePlatform.Web.Data.SelfCheck;

/// <summary>
/// An indicator's four thresholds (ascending) for one industry (a JSIC major letter), as published, with where and when
/// they were published. Administrators load them. An industry without all six is not yet published: it is not scored
/// (<see cref="IndustryStandard"/>); there are no values for every industry.
/// </summary>
public class BenchmarkThreshold : IVersioned
{
    public int Id { get; set; }
    public string Industry { get; set; } = "";
    public Indicator Indicator { get; set; }
    public decimal T1 { get; set; }
    public decimal T2 { get; set; }
    public decimal T3 { get; set; }
    public decimal T4 { get; set; }

    /// <summary>Who published the values (e.g. METI's Local Benchmark tool of a given year), as the page shows it.</summary>
    public string Source { get; set; } = "";
    public DateOnly PublishedOn { get; set; }
    public int Version { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    public Thresholds Thresholds => new(T1, T2, T3, T4);
}

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

/// <summary>A business's answer to one question of the non-financial questionnaire (<see cref="NonFinancial.Questions"/>).</summary>
public class SelfCheckAnswer
{
    public int Id { get; set; }
    public int BusinessId { get; set; }
    public string Question { get; set; } = "";
    public string Answer { get; set; } = "";
    public DateTime UpdatedAtUtc { get; set; }
}
