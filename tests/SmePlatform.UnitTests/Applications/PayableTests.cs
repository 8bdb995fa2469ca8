using SmePlatform.Domain.Catalogue;

namespace SmePlatform.UnitTests.Applications;

public class PayableTests
{
    /// <summary>額の確定: the terms' limit on the eligible actual cost (rate rounded down to the yen), capped by the grant decided.</summary>
    [Theory]
    [InlineData("2/3以内", 3_000_001, 2_500_000, 2_000_000)]   // 2,000,000.67 rounded down
    [InlineData("2/3以内", 3_000_001, 1_900_000, 1_900_000)]   // capped by the grant
    [InlineData("1/2以内", 1, 1_000_000, 0)]                   // half a yen is no yen
    [InlineData("1/2以内", 0, 1_000_000, 0)]                   // nothing spent, nothing paid
    [InlineData(null, 500_000, 1_000_000, 500_000)]            // 定額: the cost itself, up to the grant
    [InlineData(null, 1_500_000, 1_000_000, 1_000_000)]
    public void ThePayableAmount(string? rate, long eligibleActualCost, long granted, long expected)
    {
        var terms = new SubsidyTerms { Rows = [new TermsRow { Rate = SubsidyRate.Parse(rate), MaxYen = 10_000_000 }] };

        var applied = terms.For(new TermsSituation(null, null, null, [])).Applied!;

        Assert.Equal(expected, applied.Payable(eligibleActualCost, granted));
    }
}
