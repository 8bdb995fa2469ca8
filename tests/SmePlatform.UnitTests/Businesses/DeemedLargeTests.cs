using SmePlatform.Domain.Businesses;

namespace SmePlatform.UnitTests.Businesses;

public class DeemedLargeTests
{
    private static Shareholder Large(decimal percent) => new(percent, IsLargeEnterprise: true);

    private static Shareholder Sme(decimal percent) => new(percent, IsLargeEnterprise: false);

    public static TheoryData<Shareholder[], Officer[], bool, string> Cases => new()
    {
        // rule 1: one large holder, at 1/2, just under
        { [Large(50m), Sme(50m)], [], true, "OneLargeHoldsHalf" },
        { [Large(49.99m), Sme(50.01m)], [], false, "NotDeemedLarge" },
        // rule 2: large holders together, at 2/3 (66.67 % rounds over it), exactly 200/3 impossible in two decimals
        { [Large(33.34m), Large(33.33m), Sme(33.33m)], [], true, "LargeHoldTwoThirds" },
        { [Large(33.33m), Large(33.33m), Sme(33.34m)], [], false, "NotDeemedLarge" },
        // rule 3: half the officers from large enterprises, at half and just under
        { [], [new(true), new(false)], true, "HalfOfficersFromLarge" },
        { [], [new(true), new(false), new(false)], false, "NotDeemedLarge" },
        // rule 4: wholly owned by a firm that is itself deemed large (an SME on paper)
        { [new(100m, IsLargeEnterprise: false, IsDeemedLarge: true)], [], true, "WhollyOwnedByDeemedLarge" },
        { [new(99.99m, IsLargeEnterprise: false, IsDeemedLarge: true), Sme(0.01m)], [], false, "NotDeemedLarge" },
        // rule 5: every officer from a deemed-large firm
        { [], [new(false, true), new(false, true)], true, "AllOfficersFromDeemedLarge" },
        { [], [new(false, true), new(false, false)], false, "NotDeemedLarge" },
        // nobody at all
        { [], [], false, "NotDeemedLarge" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EachRule_AtItsBoundary(Shareholder[] holders, Officer[] officers, bool expected, string reason)
    {
        var verdict = DeemedLarge.Test(holders, officers);

        Assert.Equal(expected, verdict.IsDeemedLarge);
        Assert.Contains(verdict.Reasons, r => r.Key == reason);
    }

    [Theory]
    [InlineData(false, 2_000_000_000L, false, false)]   // the rule is off: income does not matter
    [InlineData(true, 1_500_000_000L, false, false)]    // average exactly ¥1.5bn is not over
    [InlineData(true, 1_500_000_001L, true, false)]
    [InlineData(true, null, false, true)]               // switched on, years missing: cannot say
    public void TaxableIncomeRule_OnlyWhenTheMeasureSwitchesItOn(bool withRule, long? eachYear, bool expected, bool undetermined)
    {
        var years = eachYear is { } income ? new[] { income, income, income } : null;

        var verdict = DeemedLarge.Test([Sme(100m)], [new(false)], withRule, years);

        Assert.Equal(expected, verdict.IsDeemedLarge);
        Assert.Equal(undetermined, verdict.Undetermined);
    }
}
