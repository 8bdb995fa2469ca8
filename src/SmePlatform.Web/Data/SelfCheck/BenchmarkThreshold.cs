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
