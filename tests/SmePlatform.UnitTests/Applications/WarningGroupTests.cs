using SmePlatform.Domain.Integrity;
using SmePlatform.Web.Features.Applications.Check;

namespace SmePlatform.UnitTests.Applications;

/// <summary>The check page explains the first few findings of each rule and counts the rest.</summary>
public class WarningGroupTests
{
    private static Finding Of(IntegrityRule rule, int otherApplication) =>
        new(rule, FlagSeverity.Warning, "Integrity." + rule, [], otherApplication);

    [Theory]
    [InlineData(1, 1, 0)]
    [InlineData(5, 5, 0)]
    [InlineData(6, 5, 1)]
    [InlineData(300, 5, 295)]
    public void ARule_ShowsTheFirstFew_AndCountsTheRest(int found, int explained, int more)
    {
        var groups = WarningGroup.Of(Enumerable.Range(1, found).Select(n => Of(IntegrityRule.DoubleReceipt, n)), f => $"#{f.OtherApplicationId}");

        var group = Assert.Single(groups);
        Assert.Equal((IntegrityRule.DoubleReceipt, explained, more), (group.Rule, group.Explanations.Count, group.More));
        Assert.Equal([.. Enumerable.Range(1, explained).Select(n => $"#{n}")], group.Explanations);
    }

    [Fact]
    public void EachRule_IsCountedOnItsOwn_InTheOrderFound()
    {
        var findings = Enumerable.Range(1, 7).Select(n => Of(IntegrityRule.DoubleReceipt, n)).Prepend(Of(IntegrityRule.DeemedLargeEnterprise, 0));

        var groups = WarningGroup.Of(findings, f => f.Explanation);

        Assert.Equal(
            [(IntegrityRule.DeemedLargeEnterprise, 1, 0), (IntegrityRule.DoubleReceipt, 5, 2)],
            groups.Select(g => (g.Rule, g.Explanations.Count, g.More)));
    }
}
