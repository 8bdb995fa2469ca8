namespace SmePlatform.Domain.SelfCheck;

/// <summary>
/// An indicator's four thresholds for an industry, ascending. A higher-is-better indicator scores 1 plus the number
/// of thresholds its value reaches (≥); a lower-is-better one, 1 plus the number it stays within (≤): a value on a
/// threshold gets the better score.
/// </summary>
public sealed record Thresholds(decimal T1, decimal T2, decimal T3, decimal T4)
{
    public bool IsAscending => T1 < T2 && T2 < T3 && T3 < T4;

    public IReadOnlyList<decimal> All => [T1, T2, T3, T4];

    /// <summary>The score 1-5 of <paramref name="value"/> for <paramref name="indicator"/>.</summary>
    public int Score(Indicator indicator, decimal value) =>
        1 + All.Count(t => LocalBenchmark.HigherIsBetter(indicator) ? value >= t : value <= t);
}

/// <summary>The lowest total of each rank (A ≥ <see cref="A"/>, B ≥ <see cref="B"/>, C ≥ <see cref="C"/>, else D); data, revisable.</summary>
public sealed record RankCutoffs(int A, int B, int C)
{
    public bool IsValid => A <= LocalBenchmark.Indicators.Count * 5 && A > B && B > C && C > LocalBenchmark.Indicators.Count;

    public char Rank(int total) => total >= A ? 'A' : total >= B ? 'B' : total >= C ? 'C' : 'D';
}

/// <summary>
/// What an industry is scored by: each indicator's published thresholds, and the rank cut-offs. Only values published
/// for the industry count (no defaults, no values shared by every industry): until all six indicators have theirs, the
/// industry is <em>not yet published</em> and gets no score and no rank, rather than one from made-up values.
/// </summary>
public sealed record IndustryStandard(IReadOnlyDictionary<Indicator, Thresholds> Thresholds, RankCutoffs? Cutoffs)
{
    /// <summary>Nothing on record: the six indicators are shown, unscored.</summary>
    public static readonly IndustryStandard NotPublished = new(new Dictionary<Indicator, Thresholds>(), null);

    /// <summary>Every indicator has its published thresholds: the industry is scored.</summary>
    public bool IsPublished => LocalBenchmark.Indicators.All(Thresholds.ContainsKey);

    /// <summary>The indicators whose published thresholds are not on record yet.</summary>
    public IReadOnlyList<Indicator> Missing => [.. LocalBenchmark.Indicators.Where(i => !Thresholds.ContainsKey(i))];
}

/// <summary>An indicator's value with its score (null when it has no value, with <see cref="IndicatorValue.Why"/>, or the industry is not scored).</summary>
public sealed record IndicatorScore(IndicatorValue Value, Thresholds? Thresholds, int? Score)
{
    public Indicator Indicator => Value.Indicator;

    /// <summary>Scored 1 or 2: the indicator the measures that address it are shown for.</summary>
    public bool IsWeak => Score is <= 2;
}

/// <summary>
/// A fiscal year's self-check: the six indicators, scored when the industry's thresholds are published
/// (<see cref="Scored"/>), with the total and rank when all six have a score and the cut-offs are on record.
/// </summary>
public sealed record Assessment(DateOnly ClosingDate, IReadOnlyList<IndicatorScore> Indicators, bool Scored, int? Total, char? Rank)
{
    /// <summary>
    /// The year's indicators, scored against the industry's thresholds when they are published. The rank needs all six
    /// scores (a total of fewer would look worse than it is) and the cut-offs.
    /// </summary>
    public static Assessment Of(YearFigures current, YearFigures? previous, IndustryStandard standard)
    {
        var values = LocalBenchmark.Compute(current, previous);
        if (!standard.IsPublished)
        {
            return new Assessment(current.ClosingDate, [.. values.Select(value => new IndicatorScore(value, null, null))], false, null, null);
        }

        var scores = values.Select(value => standard.Thresholds[value.Indicator] is var t && value.Value is { } v
            ? new IndicatorScore(value, t, t.Score(value.Indicator, v))
            : new IndicatorScore(value, t, null)).ToList();
        int? total = scores.All(s => s.Score is not null) ? scores.Sum(s => s.Score!.Value) : null;
        return new Assessment(current.ClosingDate, scores, true, total, total is { } sum && standard.Cutoffs is { } cutoffs ? cutoffs.Rank(sum) : null);
    }

    /// <summary>Every year on record assessed against the year before it, oldest first.</summary>
    public static IReadOnlyList<Assessment> History(IEnumerable<YearFigures> years, IndustryStandard standard)
    {
        var ordered = years.OrderBy(y => y.ClosingDate).ToList();
        return [.. ordered.Select((year, i) => Of(year, i == 0 ? null : ordered[i - 1], standard))];
    }
}

/// <summary>Where a business stands among businesses of its industry on the platform, for one indicator.</summary>
/// <param name="Count">Businesses contributing a value (the business itself among them).</param>
/// <param name="P25"></param>
/// <param name="Median"></param>
/// <param name="P75"></param>
/// <param name="BetterThanPercent">The share of the other contributors whose value is worse, in whole percent (rounded down).</param>
public sealed record PeerPosition(int Count, decimal P25, decimal Median, decimal P75, int BetterThanPercent)
{
    /// <summary>The fewest contributors for which a comparison is shown: fewer could let one business's figures be inferred.</summary>
    public const int DefaultMinimum = 10;

    /// <summary>The position of <paramref name="value"/> among <paramref name="values"/> (which include it), or null below <paramref name="minimum"/> contributors.</summary>
    public static PeerPosition? Of(Indicator indicator, decimal value, IReadOnlyCollection<decimal> values, int minimum = DefaultMinimum)
    {
        if (values.Count < Math.Max(minimum, 2))
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        var worse = LocalBenchmark.HigherIsBetter(indicator) ? sorted.Count(v => v < value) : sorted.Count(v => v > value);
        return new PeerPosition(sorted.Length, Percentile(sorted, 0.25m), Percentile(sorted, 0.5m), Percentile(sorted, 0.75m), worse * 100 / (sorted.Length - 1));
    }

    /// <summary>The <paramref name="p"/>-quantile of sorted values by linear interpolation between the closest ranks (Excel's PERCENTILE.INC).</summary>
    public static decimal Percentile(decimal[] sorted, decimal p)
    {
        var position = (sorted.Length - 1) * p;
        var lower = (int)decimal.Floor(position);
        return lower + 1 >= sorted.Length ? sorted[^1] : sorted[lower] + (sorted[lower + 1] - sorted[lower]) * (position - lower);
    }
}
