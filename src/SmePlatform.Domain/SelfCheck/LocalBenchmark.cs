using SmePlatform.Domain.Catalogue;

namespace SmePlatform.Domain.SelfCheck;

/// <summary>The six financial indicators of METI's Local Benchmark (ローカルベンチマーク), in its order.</summary>
public enum Indicator
{
    /// <summary>売上高増加率 = sales ÷ the previous year's sales − 1, in percent.</summary>
    SalesGrowth,

    /// <summary>営業利益率 = operating profit ÷ sales, in percent.</summary>
    OperatingMargin,

    /// <summary>労働生産性 = operating profit ÷ employees, in thousands of yen per person.</summary>
    LabourProductivity,

    /// <summary>EBITDA有利子負債倍率 = (borrowings − cash and deposits) ÷ (operating profit + depreciation), in times; lower is better.</summary>
    EbitdaDebtRatio,

    /// <summary>営業運転資本回転期間 = (receivables + inventory − payables) ÷ (sales ÷ 12), in months; lower is better.</summary>
    WorkingCapitalPeriod,

    /// <summary>自己資本比率 = net assets ÷ total assets, in percent.</summary>
    EquityRatio,
}

/// <summary>One fiscal year's statement figures as the indicators read them (yen; employees a headcount); null when not given.</summary>
/// <param name="ClosingDate">The last day of the fiscal year.</param>
/// <param name="Sales"></param>
/// <param name="OperatingProfit"></param>
/// <param name="Depreciation"></param>
/// <param name="CashAndDeposits"></param>
/// <param name="Receivables"></param>
/// <param name="Inventory"></param>
/// <param name="Payables"></param>
/// <param name="Borrowings">Interest-bearing debt: short- and long-term borrowings together.</param>
/// <param name="NetAssets"></param>
/// <param name="TotalAssets"></param>
/// <param name="Employees"></param>
public sealed record YearFigures(
    DateOnly ClosingDate,
    long? Sales = null,
    long? OperatingProfit = null,
    long? Depreciation = null,
    long? CashAndDeposits = null,
    long? Receivables = null,
    long? Inventory = null,
    long? Payables = null,
    long? Borrowings = null,
    long? NetAssets = null,
    long? TotalAssets = null,
    int? Employees = null);

/// <summary>Why an indicator has no value (or no score), with the figures concerned.</summary>
public enum Unavailability
{
    /// <summary>A figure the formula needs was not given.</summary>
    MissingFigure,

    /// <summary>The divisor is zero.</summary>
    DivisionByZero,

    /// <summary>Operating profit + depreciation is negative: debt cannot be measured in years of earnings.</summary>
    NegativeEarnings,

    /// <summary>Growth needs the previous fiscal year, and there is none.</summary>
    OnlyOneYear,

    /// <summary>The earlier year on record does not end about a year before this one.</summary>
    NotConsecutive,
}

/// <summary>An indicator's value (null with <see cref="Why"/> when it cannot be computed).</summary>
/// <param name="Indicator"></param>
/// <param name="Value"></param>
/// <param name="Why"></param>
/// <param name="Figures">The figures that are missing or zero, by their <see cref="YearFigures"/> names (previous year's prefixed "Previous").</param>
public sealed record IndicatorValue(Indicator Indicator, decimal? Value, Unavailability? Why = null, IReadOnlyList<string>? Figures = null)
{
    public static IndicatorValue Unavailable(Indicator indicator, Unavailability why, params string[] figures) => new(indicator, null, why, figures);
}

/// <summary>
/// The Local Benchmark's six indicators for a fiscal year (and the one before it, for growth). Pure arithmetic in
/// <see cref="decimal"/>: a value on a threshold is compared exactly. An indicator that cannot be computed says why
/// and which figures; it is never guessed.
/// </summary>
public static class LocalBenchmark
{
    public static readonly IReadOnlyList<Indicator> Indicators = Enum.GetValues<Indicator>();

    /// <summary>Whether a higher value is the healthier one (false for the debt ratio and the working-capital period).</summary>
    public static bool HigherIsBetter(Indicator indicator) => indicator is not (Indicator.EbitdaDebtRatio or Indicator.WorkingCapitalPeriod);

    /// <summary>The purposes of support measures that address a weak indicator (low productivity → IT/DX, equipment, training ...).</summary>
    public static IReadOnlyList<Purpose> Remedies(Indicator indicator) => indicator switch
    {
        Indicator.SalesGrowth => [Purpose.SalesChannels, Purpose.OverseasExpansion, Purpose.ResearchDevelopment],
        Indicator.OperatingMargin => [Purpose.ItDx, Purpose.EnergySavingGx, Purpose.SalesChannels],
        Indicator.LabourProductivity => [Purpose.ItDx, Purpose.EquipmentInvestment, Purpose.HiringTraining],
        Indicator.EbitdaDebtRatio => [Purpose.CashFlow],
        Indicator.WorkingCapitalPeriod => [Purpose.CashFlow, Purpose.ItDx],
        Indicator.EquityRatio => [Purpose.CashFlow],
        _ => throw new ArgumentOutOfRangeException(nameof(indicator)),
    };

    /// <summary>
    /// Whether <paramref name="previous"/> is the fiscal year just before <paramref name="current"/>: it ends between 11
    /// and 13 months earlier (a year-end moved by a month still counts; a gap year does not).
    /// </summary>
    public static bool AreConsecutive(DateOnly previous, DateOnly current) =>
        previous >= current.AddMonths(-13) && previous <= current.AddMonths(-11);

    /// <summary>The six indicators of <paramref name="current"/>; <paramref name="previous"/> is the fiscal year before, if any.</summary>
    public static IReadOnlyList<IndicatorValue> Compute(YearFigures current, YearFigures? previous) =>
    [
        SalesGrowth(current, previous),
        Ratio(Indicator.OperatingMargin, current.OperatingProfit, nameof(YearFigures.OperatingProfit), current.Sales, nameof(YearFigures.Sales), 100),
        Ratio(Indicator.LabourProductivity, current.OperatingProfit, nameof(YearFigures.OperatingProfit), current.Employees, nameof(YearFigures.Employees), 0.001m),
        EbitdaDebtRatio(current),
        WorkingCapitalPeriod(current),
        Ratio(Indicator.EquityRatio, current.NetAssets, nameof(YearFigures.NetAssets), current.TotalAssets, nameof(YearFigures.TotalAssets), 100),
    ];

    private static IndicatorValue SalesGrowth(YearFigures current, YearFigures? previous)
    {
        if (previous is null)
        {
            return IndicatorValue.Unavailable(Indicator.SalesGrowth, Unavailability.OnlyOneYear);
        }

        if (!AreConsecutive(previous.ClosingDate, current.ClosingDate))
        {
            return IndicatorValue.Unavailable(Indicator.SalesGrowth, Unavailability.NotConsecutive);
        }

        var missing = Missing((current.Sales, nameof(YearFigures.Sales)), (previous.Sales, "Previous" + nameof(YearFigures.Sales)));
        return missing.Length > 0 ? IndicatorValue.Unavailable(Indicator.SalesGrowth, Unavailability.MissingFigure, missing)
            : previous.Sales == 0 ? IndicatorValue.Unavailable(Indicator.SalesGrowth, Unavailability.DivisionByZero, "Previous" + nameof(YearFigures.Sales))
            : new IndicatorValue(Indicator.SalesGrowth, ((decimal)current.Sales!.Value / previous.Sales!.Value - 1) * 100);
    }

    private static IndicatorValue EbitdaDebtRatio(YearFigures year)
    {
        var missing = Missing(
            (year.Borrowings, nameof(YearFigures.Borrowings)), (year.CashAndDeposits, nameof(YearFigures.CashAndDeposits)),
            (year.OperatingProfit, nameof(YearFigures.OperatingProfit)), (year.Depreciation, nameof(YearFigures.Depreciation)));
        if (missing.Length > 0)
        {
            return IndicatorValue.Unavailable(Indicator.EbitdaDebtRatio, Unavailability.MissingFigure, missing);
        }

        var ebitda = year.OperatingProfit!.Value + year.Depreciation!.Value;
        return ebitda switch
        {
            0 => IndicatorValue.Unavailable(Indicator.EbitdaDebtRatio, Unavailability.DivisionByZero, nameof(YearFigures.OperatingProfit), nameof(YearFigures.Depreciation)),
            < 0 => IndicatorValue.Unavailable(Indicator.EbitdaDebtRatio, Unavailability.NegativeEarnings, nameof(YearFigures.OperatingProfit), nameof(YearFigures.Depreciation)),
            _ => new IndicatorValue(Indicator.EbitdaDebtRatio, (decimal)(year.Borrowings!.Value - year.CashAndDeposits!.Value) / ebitda),
        };
    }

    private static IndicatorValue WorkingCapitalPeriod(YearFigures year)
    {
        var missing = Missing(
            (year.Receivables, nameof(YearFigures.Receivables)), (year.Inventory, nameof(YearFigures.Inventory)),
            (year.Payables, nameof(YearFigures.Payables)), (year.Sales, nameof(YearFigures.Sales)));
        return missing.Length > 0 ? IndicatorValue.Unavailable(Indicator.WorkingCapitalPeriod, Unavailability.MissingFigure, missing)
            : year.Sales == 0 ? IndicatorValue.Unavailable(Indicator.WorkingCapitalPeriod, Unavailability.DivisionByZero, nameof(YearFigures.Sales))
            : new IndicatorValue(Indicator.WorkingCapitalPeriod, (decimal)(year.Receivables!.Value + year.Inventory!.Value - year.Payables!.Value) * 12 / year.Sales!.Value);
    }

    /// <summary><paramref name="numerator"/> ÷ <paramref name="denominator"/> × <paramref name="scale"/>, or why not.</summary>
    private static IndicatorValue Ratio(Indicator indicator, long? numerator, string numeratorName, long? denominator, string denominatorName, decimal scale)
    {
        var missing = Missing((numerator, numeratorName), (denominator, denominatorName));
        return missing.Length > 0 ? IndicatorValue.Unavailable(indicator, Unavailability.MissingFigure, missing)
            : denominator == 0 ? IndicatorValue.Unavailable(indicator, Unavailability.DivisionByZero, denominatorName)
            : new IndicatorValue(indicator, (decimal)numerator!.Value / denominator!.Value * scale);
    }

    private static string[] Missing(params (long? Value, string Name)[] figures) => [.. figures.Where(f => f.Value is null).Select(f => f.Name)];
}
