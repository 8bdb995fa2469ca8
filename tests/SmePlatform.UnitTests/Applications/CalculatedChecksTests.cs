using SmePlatform.Domain.Applications;
using SmePlatform.Domain.Catalogue;

namespace SmePlatform.UnitTests.Applications;

public class CalculatedChecksTests
{
    private static readonly DateTime Start = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime End = new(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc); // 17:00 JST on 1 December
    private static readonly AcceptanceWindow Window = new(Start, End);

    private static TermsOutcome Simple(int numerator, int denominator, long? min, long? max) =>
        SubsidyTerms.Simple(new SubsidyRate(numerator, denominator), min, max).For(new TermsSituation(null, null, null, []));

    [Theory]
    [InlineData(2, 3, 1_000_000, 12_500_000, 666_666)]      // 2/3 of 1,000,000 rounds down
    [InlineData(1, 2, 1_000_001, 12_500_000, 500_000)]
    [InlineData(1, 2, 30_000_000, 12_500_000, 12_500_000)]  // capped by the maximum
    [InlineData(3, 4, 0, 4_500_000, 0)]
    public void TheLimit_IsRateTimesCostRoundedDown_CappedByTheMaximum(int numerator, int denominator, long cost, long max, long limit) =>
        Assert.Equal(limit, CalculatedChecks.RequestLimit(Simple(numerator, denominator, null, max), cost));

    [Theory]
    [InlineData(666_666, true)]
    [InlineData(666_667, false)]
    public void TheRequestedAmount_IsCheckedAgainstTheLimit(long requested, bool passes)
    {
        var results = CalculatedChecks.Run(Simple(2, 3, null, 12_500_000), Window, [400_000, 600_000], requested, Start.AddDays(1));

        var check = Assert.Single(results, r => r.Key is "Check.RequestWithinLimit" or "Check.RequestOverLimit");
        Assert.Equal((passes, passes ? "Check.RequestWithinLimit" : "Check.RequestOverLimit"), (check.Passed, check.Key));
        Assert.Equal([requested, 666_666L, 1_000_000L], check.Args);
    }

    [Theory]
    [InlineData("2026-10-31T23:59:59Z", "Check.WindowNotYetOpen", false)]
    [InlineData("2026-11-01T00:00:00Z", "Check.WindowOpen", true)]
    [InlineData("2026-12-01T07:59:59Z", "Check.WindowOpen", true)]
    [InlineData("2026-12-01T08:00:00Z", "Check.WindowClosed", false)]
    public void TheWindow_OpensAtItsStart_AndClosesAtItsEndInstant(string now, string key, bool passed)
    {
        var check = CalculatedChecks.WindowCheck(Window, DateTime.Parse(now, null, System.Globalization.DateTimeStyles.AdjustToUniversal));

        Assert.Equal((key, passed), (check.Key, check.Passed));
    }

    [Fact]
    public void NoExpenses_OrNoRequest_OrBelowTheMinimum_Fail()
    {
        var terms = Simple(1, 2, 1_000_000, 12_500_000);

        var results = CalculatedChecks.Run(terms, Window, [], null, Start);
        Assert.False(results.Single(r => r.Key == "Check.NoExpenses").Passed);
        Assert.False(results.Single(r => r.Key == "Check.RequestMissing").Passed);
        Assert.False(CalculatedChecks.Run(terms, Window, [4_000_000], 999_999, Start).Single(r => r.Key == "Check.RequestBelowMinimum").Passed);
        Assert.True(CalculatedChecks.Run(terms, Window, [4_000_000], 1_000_000, Start).Single(r => r.Key == "Check.RequestAtLeastMinimum").Passed);
    }

    [Fact]
    public void TermsThatCannotBeApplied_FailWithTheirReason_AndNoLimitIsClaimed()
    {
        var problem = TermsOutcome.Problem("Terms.NoRow");

        var results = CalculatedChecks.Run(problem, Window, [4_000_000], 1_000_000, Start.AddDays(1));

        Assert.False(results.Single(r => r.Key == "Terms.NoRow").Passed);
        Assert.DoesNotContain(results, r => r.Key is "Check.RequestWithinLimit" or "Check.RequestOverLimit" or "Check.RequestNoLimit");
    }

    [Fact]
    public void AMeasureWithoutTerms_LimitsNothing()
    {
        var results = CalculatedChecks.Run(TermsOutcome.NoTerms, Window, [4_000_000], 9_999_999, Start.AddDays(1));

        Assert.True(results.Single(r => r.Key == "Check.RequestNoLimit").Passed);
    }
}
