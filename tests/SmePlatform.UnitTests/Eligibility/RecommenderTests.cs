using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Domain.Eligibility;
using SmePlatform.Web.Data.ReferenceData;

namespace SmePlatform.UnitTests.Eligibility;

public class RecommenderTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Data", "ReferenceData");
    private static readonly Recommender Recommender = new(new EligibilityEngine(SmeDefinitionFile.Load(Folder), ReferenceCatalog.Load(Folder).MajorOf));
    private static readonly DateTime Now = new(2026, 11, 27, 3, 0, 0, DateTimeKind.Utc);

    private static readonly ApplicantFacts Business = new(
        LegalForm.Corporation, new IndustryCode("E", "09"), 10_000_000, 12, "13", new DateOnly(2016, 4, 1),
        new HashSet<Purpose> { Purpose.ItDx, Purpose.SalesChannels }, AppliedMeasureIds: new HashSet<int> { 5 }, ReceivedMeasureIds: new HashSet<int>());

    private static MeasureOffer Offer(int id, Purpose[] purposes, EligibilityRules? rules = null, long? max = null, int? daysLeft = null) =>
        new(id, rules ?? new EligibilityRules(), purposes, max, daysLeft is { } days ? Now.AddDays(days) : null);

    [Fact]
    public void Ranks_EligibleFirst_ThenNeedMoreInformation_ThenNotEligible()
    {
        var ranked = Recommender.Rank(Business with { FoundedOn = null }, [
            Offer(1, [Purpose.ItDx], new EligibilityRules(MaxEmployees: 5)),
            Offer(2, [], new EligibilityRules(MinYearsSinceFounding: 3)),
            Offer(3, []),
        ], Now);

        Assert.Equal([3, 2, 1], ranked.Select(r => r.Measure.Id));
        Assert.Equal([Verdict.Eligible, Verdict.NeedMoreInformation, Verdict.NotEligible], ranked.Select(r => r.Verdict.Verdict));
    }

    [Fact]
    public void WithinAVerdict_PurposeMatches_ThenDeadline_ThenAmount_AndAnAppliedMeasureLast()
    {
        var ranked = Recommender.Rank(Business, [
            Offer(5, [Purpose.ItDx, Purpose.SalesChannels]),                 // two matches, but already applied
            Offer(6, [Purpose.CashFlow], max: 100_000_000),                   // no match, large amount
            Offer(7, [Purpose.ItDx]),                                         // one match
            Offer(8, [Purpose.CashFlow], daysLeft: 3),                        // no match, closing soon
            Offer(9, [Purpose.ItDx, Purpose.SalesChannels], daysLeft: 200),   // two matches, far deadline
        ], Now);

        Assert.Equal([9, 7, 8, 6, 5], ranked.Select(r => r.Measure.Id));
        Assert.Equal([2, 1, 0, 0, 2], ranked.Select(r => r.PurposeMatches));
        Assert.True(ranked[^1].AlreadyApplied);
    }

    /// <summary>
    /// The worked example of the public check (a manufacturer of 12 in Tokyo, ¥10m, not deemed large, investing in
    /// equipment; no account, so earlier grants are not known), against measures shaped like the demo's ものづくり補助金,
    /// an energy-saving subsidy and a consultation service that set no conditions, and an SME tax measure for another
    /// purpose. The subsidy whose conditions were checked and met, and that supports the purpose, comes first; a
    /// measure that merely sets no conditions comes after every measure that matches as many purposes and was checked.
    /// </summary>
    [Fact]
    public void AMeasureWhoseConditionsWereMet_RanksAboveOneWithNoConditions_ForAsManyPurposes()
    {
        var visitor = new ApplicantFacts(LegalForm.Corporation, new IndustryCode("E", "29"), 10_000_000, 12, "13", new DateOnly(2016, 4, 1),
            new HashSet<Purpose> { Purpose.EquipmentInvestment }, DeclaredDeemedLarge: false);
        var monozukuri = new EligibilityRules(SizeClass: SizeClassTarget.Sme, DeemedLarge: DeemedLargeExclusion.Excluded, RequiredPurposes: [Purpose.EquipmentInvestment, Purpose.ResearchDevelopment],
            ExcludesRecipients: true, WarnOnly: new HashSet<RuleKind> { RuleKind.Purpose });

        var ranked = Recommender.Rank(visitor, [
            Offer(1, [Purpose.EnergySavingGx, Purpose.EquipmentInvestment], max: 30_000_000, daysLeft: 20),                  // no conditions, the purpose, closing sooner
            Offer(2, [Purpose.EquipmentInvestment, Purpose.ResearchDevelopment], monozukuri, max: 12_500_000, daysLeft: 25),  // checked and met, the purpose
            Offer(3, [Purpose.SalesChannels, Purpose.CashFlow]),                                                              // no conditions, another purpose
            Offer(4, [Purpose.WageIncrease], new EligibilityRules(SizeClass: SizeClassTarget.Sme)),                           // checked and met, another purpose
        ], Now);

        Assert.Equal([2, 1, 4, 3], ranked.Select(r => r.Measure.Id));
        Assert.All(ranked, r => Assert.Equal(Verdict.Eligible, r.Verdict.Verdict));
        Assert.Equal([false, true, false, true], ranked.Select(r => r.Verdict.HasNoConditions));
        Assert.True(ranked[0].Score < ranked[1].Score, "the score alone would have put the measure without conditions first");
    }

    [Theory]
    [InlineData(0, null, null, 0)]
    [InlineData(2, null, null, 6)]
    [InlineData(0, 90.0, null, 0)]
    [InlineData(0, 45.0, null, 1)]
    [InlineData(0, 9.0, null, 1.8)]
    [InlineData(0, -1.0, null, 0)]
    [InlineData(0, null, 1_000_000L, 0.6)]
    [InlineData(1, 45.0, 100_000_000L, 4.8)]
    public void Score_AddsItsParts(int matches, double? daysLeft, long? max, double expected)
    {
        var offer = new MeasureOffer(1, new EligibilityRules(), [], max, daysLeft is { } days ? Now.AddDays(days) : null);

        Assert.Equal(expected, Recommender.Score(matches, offer, Now), 6);
    }
}
