using SmePlatform.Domain.SelfCheck;

namespace SmePlatform.UnitTests.SelfCheck;

public class LocalBenchmarkTests
{
    private static readonly DateOnly Closing = new(2026, 3, 31);

    /// <summary>A worked example: a manufacturer with ¥120m sales (¥100m the year before) and 15 employees.</summary>
    private static readonly YearFigures Current = new(
        Closing, Sales: 120_000_000, OperatingProfit: 6_000_000, Depreciation: 4_000_000, CashAndDeposits: 20_000_000,
        Receivables: 15_000_000, Inventory: 8_000_000, Payables: 9_000_000, Borrowings: 50_000_000, NetAssets: 30_000_000,
        TotalAssets: 100_000_000, Employees: 15);

    private static readonly YearFigures Previous = new(Closing.AddYears(-1), Sales: 100_000_000);

    [Theory]
    [InlineData(Indicator.SalesGrowth, "20")]               // 120 ÷ 100 − 1 = 20 %
    [InlineData(Indicator.OperatingMargin, "5")]           // 6 ÷ 120 = 5 %
    [InlineData(Indicator.LabourProductivity, "400")]      // ¥6,000k ÷ 15 = ¥400k a person
    [InlineData(Indicator.EbitdaDebtRatio, "3")]           // (50 − 20) ÷ (6 + 4) = 3 times
    [InlineData(Indicator.WorkingCapitalPeriod, "1.4")]    // (15 + 8 − 9) ÷ (120 ÷ 12) = 1.4 months
    [InlineData(Indicator.EquityRatio, "30")]              // 30 ÷ 100 = 30 %
    public void WorkedExample_EachIndicator(Indicator indicator, string expected)
    {
        var value = LocalBenchmark.Compute(Current, Previous).Single(v => v.Indicator == indicator);

        Assert.Null(value.Why);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value.Value);
    }

    [Fact]
    public void NegativeNetDebt_AndFallingSales_AreValuesToo()
    {
        var values = LocalBenchmark.Compute(Current with { Sales = 90_000_000, CashAndDeposits = 70_000_000 }, Previous)
            .ToDictionary(v => v.Indicator, v => v.Value);

        Assert.Equal(-10m, values[Indicator.SalesGrowth]);
        Assert.Equal(-2m, values[Indicator.EbitdaDebtRatio]); // more cash than borrowings: the best kind of "debt"
    }

    public static TheoryData<string, Indicator, Unavailability, string[]> EdgeCases => new()
    {
        { "only one year", Indicator.SalesGrowth, Unavailability.OnlyOneYear, [] },
        { "previous year two years back", Indicator.SalesGrowth, Unavailability.NotConsecutive, [] },
        { "previous sales missing", Indicator.SalesGrowth, Unavailability.MissingFigure, ["PreviousSales"] },
        { "previous sales zero", Indicator.SalesGrowth, Unavailability.DivisionByZero, ["PreviousSales"] },
        { "sales zero", Indicator.OperatingMargin, Unavailability.DivisionByZero, ["Sales"] },
        { "operating profit missing", Indicator.OperatingMargin, Unavailability.MissingFigure, ["OperatingProfit"] },
        { "no employees", Indicator.LabourProductivity, Unavailability.DivisionByZero, ["Employees"] },
        { "employees missing", Indicator.LabourProductivity, Unavailability.MissingFigure, ["Employees"] },
        { "earnings zero", Indicator.EbitdaDebtRatio, Unavailability.DivisionByZero, ["OperatingProfit", "Depreciation"] },
        { "earnings negative", Indicator.EbitdaDebtRatio, Unavailability.NegativeEarnings, ["OperatingProfit", "Depreciation"] },
        { "borrowings and cash missing", Indicator.EbitdaDebtRatio, Unavailability.MissingFigure, ["Borrowings", "CashAndDeposits"] },
        { "sales zero", Indicator.WorkingCapitalPeriod, Unavailability.DivisionByZero, ["Sales"] },
        { "inventory missing", Indicator.WorkingCapitalPeriod, Unavailability.MissingFigure, ["Inventory"] },
        { "total assets zero", Indicator.EquityRatio, Unavailability.DivisionByZero, ["TotalAssets"] },
        { "net assets missing", Indicator.EquityRatio, Unavailability.MissingFigure, ["NetAssets"] },
    };

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void AnIndicatorThatCannotBeComputed_SaysWhyAndWhichFigures(string edgeCase, Indicator indicator, Unavailability why, string[] figures)
    {
        var (current, previous) = edgeCase switch
        {
            "only one year" => (Current, (YearFigures?)null),
            "previous year two years back" => (Current, Previous with { ClosingDate = Closing.AddYears(-2) }),
            "previous sales missing" => (Current, Previous with { Sales = null }),
            "previous sales zero" => (Current, Previous with { Sales = 0 }),
            "sales zero" => (Current with { Sales = 0 }, Previous),
            "operating profit missing" => (Current with { OperatingProfit = null }, Previous),
            "no employees" => (Current with { Employees = 0 }, Previous),
            "employees missing" => (Current with { Employees = null }, Previous),
            "earnings zero" => (Current with { OperatingProfit = -4_000_000 }, Previous),
            "earnings negative" => (Current with { OperatingProfit = -5_000_000 }, Previous),
            "borrowings and cash missing" => (Current with { Borrowings = null, CashAndDeposits = null }, Previous),
            "inventory missing" => (Current with { Inventory = null }, Previous),
            "total assets zero" => (Current with { TotalAssets = 0 }, Previous),
            "net assets missing" => (Current with { NetAssets = null }, Previous),
            _ => throw new ArgumentOutOfRangeException(nameof(edgeCase)),
        };

        var value = LocalBenchmark.Compute(current, previous).Single(v => v.Indicator == indicator);

        Assert.Null(value.Value);
        Assert.Equal(why, value.Why);
        Assert.Equal(figures, value.Figures);
    }

    [Theory]
    [InlineData("2025-03-31", "2026-03-31", true)]
    [InlineData("2025-02-28", "2026-03-31", true)]   // year-end moved by a month
    [InlineData("2025-04-30", "2026-03-31", true)]
    [InlineData("2025-02-27", "2026-03-31", false)]  // more than 13 months
    [InlineData("2025-05-01", "2026-03-31", false)]  // less than 11 months
    [InlineData("2024-03-31", "2026-03-31", false)]  // a year missing between
    public void ConsecutiveYears_EndElevenToThirteenMonthsApart(string previous, string current, bool consecutive) =>
        Assert.Equal(consecutive, LocalBenchmark.AreConsecutive(DateOnly.Parse(previous, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(current, System.Globalization.CultureInfo.InvariantCulture)));
}
