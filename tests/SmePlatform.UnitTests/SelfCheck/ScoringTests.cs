using SmePlatform.Domain.SelfCheck;

namespace SmePlatform.UnitTests.SelfCheck;

public class ScoringTests
{
    private static readonly Thresholds Growth = new(-5, 0, 5, 10);
    private static readonly Thresholds Debt = new(2, 5, 10, 15);
    private static readonly RankCutoffs Cutoffs = new(24, 18, 12);

    [Theory]
    [InlineData("-5.01", 1)]
    [InlineData("-5", 2)]   // on a threshold: the better score
    [InlineData("-0.01", 2)]
    [InlineData("0", 3)]
    [InlineData("5", 4)]
    [InlineData("9.99", 4)]
    [InlineData("10", 5)]
    [InlineData("250", 5)]
    public void HigherIsBetter_ScoresOnePlusThresholdsReached(string value, int score) =>
        Assert.Equal(score, Growth.Score(Indicator.SalesGrowth, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("-3", 5)]
    [InlineData("2", 5)]    // on a threshold: the better score
    [InlineData("2.01", 4)]
    [InlineData("5", 4)]
    [InlineData("10", 3)]
    [InlineData("15", 2)]
    [InlineData("15.01", 1)]
    public void LowerIsBetter_ScoresOnePlusThresholdsStayedWithin(string value, int score) =>
        Assert.Equal(score, Debt.Score(Indicator.EbitdaDebtRatio, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(30, 'A')]
    [InlineData(24, 'A')]
    [InlineData(23, 'B')]
    [InlineData(18, 'B')]
    [InlineData(17, 'C')]
    [InlineData(12, 'C')]
    [InlineData(11, 'D')]
    [InlineData(6, 'D')]
    public void Rank_ByTheCutoffs(int total, char rank) => Assert.Equal(rank, Cutoffs.Rank(total));

    [Theory]
    [InlineData(24, 18, 12, true)]
    [InlineData(31, 18, 12, false)]  // above the most six indicators can score
    [InlineData(24, 24, 12, false)]  // not strictly descending
    [InlineData(24, 18, 6, false)]   // six is the least six indicators can score
    public void Cutoffs_MustDescendWithinTheScoresPossible(int a, int b, int c, bool valid) => Assert.Equal(valid, new RankCutoffs(a, b, c).IsValid);

    private static readonly YearFigures Year = new(
        new DateOnly(2026, 3, 31), Sales: 120_000_000, OperatingProfit: 6_000_000, Depreciation: 4_000_000, CashAndDeposits: 20_000_000,
        Receivables: 15_000_000, Inventory: 8_000_000, Payables: 9_000_000, Borrowings: 50_000_000, NetAssets: 30_000_000,
        TotalAssets: 100_000_000, Employees: 15);

    private static readonly Dictionary<Indicator, Thresholds> Manufacturing = new()
    {
        [Indicator.SalesGrowth] = Growth,                      // 20 % → 5
        [Indicator.OperatingMargin] = new(0, 2, 4, 8),         // 5 % → 4
        [Indicator.LabourProductivity] = new(0, 3000, 5000, 8000), // ¥400k → 2
        [Indicator.EbitdaDebtRatio] = Debt,                    // 3 → 4
        [Indicator.WorkingCapitalPeriod] = new(0.5m, 1, 2, 3), // 1.4 months → 3
        [Indicator.EquityRatio] = new(0, 10, 30, 50),          // 30 % → 4
    };

    private static readonly IndustryStandard Published = new(Manufacturing, Cutoffs);

    private static readonly YearFigures LastYear = Year with { ClosingDate = new DateOnly(2025, 3, 31), Sales = 100_000_000 };

    [Fact]
    public void Assessment_TotalsTheSixScores_AndRanks()
    {
        var assessment = Assessment.Of(Year, LastYear, Published);

        Assert.True(assessment.Scored);
        Assert.Equal([5, 4, 2, 4, 3, 4], assessment.Indicators.Select(i => i.Score));
        Assert.Equal(22, assessment.Total);
        Assert.Equal('B', assessment.Rank);
        Assert.Equal([Indicator.LabourProductivity], assessment.Indicators.Where(i => i.IsWeak).Select(i => i.Indicator));
    }

    [Fact]
    public void Assessment_WithAnIndicatorMissing_ScoresTheRest_AndGivesNoRank()
    {
        var assessment = Assessment.Of(Year, null, Published);

        Assert.Null(assessment.Indicators[0].Score);
        Assert.Equal(Unavailability.OnlyOneYear, assessment.Indicators[0].Value.Why);
        Assert.Equal([4, 2, 4, 3, 4], assessment.Indicators.Skip(1).Select(i => i.Score));
        Assert.Null(assessment.Total);
        Assert.Null(assessment.Rank);
    }

    /// <summary>How many of the six indicators have published thresholds on record for the industry.</summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    public void Assessment_ForAnIndustryNotYetPublished_ShowsTheSixValues_WithNoScoreNoRankAndNothingWeak(int published)
    {
        var standard = new IndustryStandard(Manufacturing.Take(published).ToDictionary(), Cutoffs);

        var assessment = Assessment.Of(Year, LastYear, standard);

        Assert.False(standard.IsPublished);
        Assert.Equal(6 - published, standard.Missing.Count);
        Assert.False(assessment.Scored);
        Assert.Equal([20m, 5m, 400m, 3m, 1.4m, 30m], assessment.Indicators.Select(i => decimal.Round(i.Value.Value!.Value, 1)));
        Assert.All(assessment.Indicators, i => Assert.Null(i.Score));
        Assert.All(assessment.Indicators, i => Assert.Null(i.Thresholds));
        Assert.DoesNotContain(assessment.Indicators, i => i.IsWeak);
        Assert.Null(assessment.Total);
        Assert.Null(assessment.Rank);
    }

    [Fact]
    public void Assessment_WhenNothingIsPublished_IsNotScored() =>
        Assert.False(Assessment.Of(Year, LastYear, IndustryStandard.NotPublished).Scored);

    [Fact]
    public void Assessment_WithThresholdsButNoRankCutoffs_ScoresAndTotals_ButGivesNoRank()
    {
        var assessment = Assessment.Of(Year, LastYear, Published with { Cutoffs = null });

        Assert.True(assessment.Scored);
        Assert.Equal(22, assessment.Total);
        Assert.Null(assessment.Rank);
    }

    [Fact]
    public void History_AssessesEachYearAgainstTheOneBefore()
    {
        var history = Assessment.History([Year, LastYear, Year with { ClosingDate = new DateOnly(2024, 3, 31), Sales = 125_000_000 }], Published);

        Assert.Equal([new DateOnly(2024, 3, 31), new DateOnly(2025, 3, 31), new DateOnly(2026, 3, 31)], history.Select(a => a.ClosingDate));
        Assert.Equal([null, -20m, 20m], history.Select(a => a.Indicators[0].Value.Value));
    }

    [Fact]
    public void PeerPosition_HiddenBelowTheMinimum_ShownAtIt()
    {
        var nine = Enumerable.Range(1, 9).Select(i => (decimal)i).ToList();

        Assert.Null(PeerPosition.Of(Indicator.EquityRatio, 5, nine));
        var position = PeerPosition.Of(Indicator.EquityRatio, 5, [.. nine, 10]);

        Assert.NotNull(position);
        Assert.Equal(10, position.Count);
        Assert.Equal(3.25m, position.P25);   // Excel PERCENTILE.INC of 1..10
        Assert.Equal(5.5m, position.Median);
        Assert.Equal(7.75m, position.P75);
        Assert.Equal(44, position.BetterThanPercent); // better than 4 of the 9 others
    }

    [Fact]
    public void PeerPosition_ForALowerIsBetterIndicator_CountsHigherValuesAsWorse()
    {
        var position = PeerPosition.Of(Indicator.EbitdaDebtRatio, 1, [.. Enumerable.Range(1, 10).Select(i => (decimal)i)]);

        Assert.Equal(100, position!.BetterThanPercent);
    }
}
