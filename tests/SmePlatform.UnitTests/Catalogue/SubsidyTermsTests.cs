using System.Text.Json;
using SmePlatform.Domain.Applications;
using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Catalogue;

namespace SmePlatform.UnitTests.Catalogue;

/// <summary>
/// The terms of the three demo measures as shipped (Data/Seeding/demo-measures.json; their public sources are in
/// docs/terms.md), applied to businesses of each size, and the rules the terms editor enforces.
/// </summary>
public class SubsidyTermsTests
{
    private static readonly Dictionary<string, SubsidyTerms> Demo = LoadDemo();

    private static Dictionary<string, SubsidyTerms> LoadDemo()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data/Seeding/demo-measures.json")));
        return document.RootElement.GetProperty("measures").EnumerateArray()
            .Where(m => m.TryGetProperty("terms", out _))
            .ToDictionary(m => m.GetProperty("slug").GetString()!, m => m.GetProperty("terms").Deserialize<SubsidyTerms>(SubsidyTerms.Json)!);
    }

    private static TermsOutcome Apply(string measure, string? track, SmeClass? size, int? employees, string topUps) =>
        Demo[measure].For(new TermsSituation(track, size, employees, topUps.Split(' ', StringSplitOptions.RemoveEmptyEntries)));

    /// <summary>ものづくり補助金 (19th call, 製品・サービス高付加価値化枠 and グローバル枠): rate by size class, maximum by employees, two exclusive top-ups.</summary>
    [Theory]
    [InlineData("product", SmeClass.SmallScale, 12, "", 9_000_000, 6_000_000, 10_000_000)]         // 2/3 for a small-scale firm of 6–20
    [InlineData("product", SmeClass.SmallScale, 12, "", 18_000_000, 10_000_000, 10_000_000)]       // capped by the 6–20 maximum
    [InlineData("product", SmeClass.SmallScale, 12, "wage-jump", 18_000_000, 12_000_000, 12_500_000)] // +2,500,000 for 6–20
    [InlineData("product", SmeClass.SmallScale, 3, "", 30_000_000, 7_500_000, 7_500_000)]          // 5 or fewer
    [InlineData("product", SmeClass.Sme, 12, "", 9_000_000, 4_500_000, 10_000_000)]                // 1/2 for an SME that is not small-scale
    [InlineData("product", SmeClass.Sme, 60, "", 60_000_000, 25_000_000, 25_000_000)]
    [InlineData("product", SmeClass.Sme, 60, "wage-jump", 60_000_000, 30_000_000, 35_000_000)]
    [InlineData("product", SmeClass.Sme, 60, "minimum-wage", 30_000_000, 20_000_000, 25_000_000)]  // the rate lifted to 2/3
    [InlineData("product", SmeClass.Sme, 21, "", 40_000_000, 15_000_000, 15_000_000)]              // 21–50
    [InlineData("global", SmeClass.SmallScale, 3, "", 45_000_001, 30_000_000, 30_000_000)]         // 30,000,000.67 rounded down, then capped
    [InlineData("global", SmeClass.Sme, 300, "wage-jump", 90_000_000, 40_000_000, 40_000_000)]
    public void Monozukuri(string track, SmeClass size, int employees, string topUps, long cost, long limit, long max)
    {
        var applied = Apply("monozukuri-2026", track, size, employees, topUps).Applied!;

        Assert.Equal((limit, max, 1_000_000L), (applied.Limit(cost), applied.MaxYen!.Value, applied.MinYen!.Value));
    }

    /// <summary>小規模事業者持続化補助金 (一般型・通常枠): 2/3 up to 500,000; the wage top-up adds 1,500,000 (3/4 for loss-makers); the invoice top-up 500,000.</summary>
    [Theory]
    [InlineData("", 900_000, 500_000, 500_000)]
    [InlineData("", 600_000, 400_000, 500_000)]
    [InlineData("wage", 3_000_000, 2_000_000, 2_000_000)]
    [InlineData("wage invoice", 4_500_000, 2_500_000, 2_500_000)]
    [InlineData("wage-deficit", 2_000_000, 1_500_000, 2_000_000)]
    [InlineData("invoice", 1_000_001, 666_667, 1_000_000)]     // 666,667.33 rounded down
    public void Jizokuka(string topUps, long cost, long limit, long max)
    {
        var applied = Apply("jizokuka-2026", null, SmeClass.SmallScale, 3, topUps).Applied!;

        Assert.Equal((limit, max), (applied.Limit(cost), applied.MaxYen!.Value));
        Assert.Null(applied.MinYen);
    }

    /// <summary>
    /// IT導入補助金 (2025): the standard tracks at 1/2 (2/3 near the minimum wage); the invoice track in amount bands —
    /// the part of the subsidy up to 500,000 at 4/5 (small-scale) or 3/4, the part above at 2/3, up to 3,500,000.
    /// </summary>
    [Theory]
    [InlineData("normal-1", SmeClass.Sme, "", 1_000_000, 500_000)]
    [InlineData("normal-1", SmeClass.Sme, "", 5_000_000, 1_499_999)]         // 「150万円未満」
    [InlineData("normal-1", SmeClass.Sme, "minimum-wage", 1_500_000, 1_000_000)]
    [InlineData("normal-4", SmeClass.SmallScale, "", 9_000_000, 4_500_000)]
    [InlineData("invoice", SmeClass.SmallScale, "", 500_000, 400_000)]        // within the first band
    [InlineData("invoice", SmeClass.SmallScale, "", 625_000, 500_000)]        // the first band exactly full
    [InlineData("invoice", SmeClass.SmallScale, "", 1_000_000, 750_000)]      // 500,000 + 375,000 × 2/3
    [InlineData("invoice", SmeClass.Sme, "", 1_000_000, 722_222)]             // 500,000 + 333,333.33 × 2/3, rounded down once
    [InlineData("invoice", SmeClass.SmallScale, "", 10_000_000, 3_500_000)]   // capped
    public void ItDonyu(string track, SmeClass size, string topUps, long cost, long limit)
    {
        var applied = Apply("it-donyu-2026", track, size, 8, topUps).Applied!;

        Assert.Equal(limit, applied.Limit(cost));
    }

    [Theory]
    [InlineData("monozukuri-2026", null, SmeClass.SmallScale, 12, "", "Terms.ChooseTrack")]
    [InlineData("monozukuri-2026", "space", SmeClass.SmallScale, 12, "", "Terms.ChooseTrack")]
    [InlineData("monozukuri-2026", "product", SmeClass.Undetermined, 12, "", "Terms.SizeUnknown")]
    [InlineData("monozukuri-2026", "product", SmeClass.SmallScale, null, "", "Terms.EmployeesUnknown")]
    [InlineData("monozukuri-2026", "product", SmeClass.Large, 500, "", "Terms.NoRow")]
    [InlineData("monozukuri-2026", "product", SmeClass.Sme, 60, "wage-jump minimum-wage", "Terms.TopUpsExclusive")]
    [InlineData("jizokuka-2026", null, SmeClass.SmallScale, 3, "wage wage-deficit", "Terms.TopUpsExclusive")]
    [InlineData("jizokuka-2026", null, SmeClass.SmallScale, 3, "gold", "Terms.UnknownTopUp")]
    [InlineData("it-donyu-2026", "invoice", SmeClass.SmallScale, 3, "minimum-wage", "Terms.TopUpUnavailable")]
    public void WhenNoRowCanApply_TheReasonIsSaid(string measure, string? track, SmeClass size, int? employees, string topUps, string problem)
    {
        var outcome = Apply(measure, track, size, employees, topUps);

        Assert.Null(outcome.Applied);
        Assert.Equal(problem, outcome.ProblemKey);
    }

    [Theory]
    [InlineData("monozukuri-2026", 40_000_000L, 1_000_000L, "2/3")]
    [InlineData("jizokuka-2026", 2_500_000L, null, "3/4")]
    [InlineData("it-donyu-2026", 4_500_000L, 50_000L, "4/5")]
    public void Headlines_AreTheLargestMaximum_TheSmallestMinimum_AndTheHighestRate(string measure, long max, long? min, string rate)
    {
        var terms = Demo[measure];

        Assert.Empty(terms.Problems());
        Assert.Equal((max, min, rate), (terms.HeadlineMaxYen!.Value, terms.HeadlineMinYen, terms.HeadlineRate.ToString()));
    }

    [Fact]
    public void ANegativeCost_AsSomeoneMightType_GivesNoSubsidy_AndNoError()
    {
        var applied = Apply("it-donyu-2026", "invoice", SmeClass.SmallScale, 3, "").Applied!;

        Assert.Equal((0L, 0L), (applied.Limit(-5_000), applied.Payable(-1, 1_000_000)));
    }

    [Fact]
    public void SumsOfAmounts_SaturateInsteadOfOverflowing()
    {
        Assert.Equal(long.MaxValue, Domain.Yen.Sum([long.MaxValue, long.MaxValue]));
        Assert.Equal(3_000_000, Domain.Yen.Sum([1_000_000, 2_000_000]));
        Assert.Equal((true, false, false), (Domain.Yen.IsAmount(Domain.Yen.Max), Domain.Yen.IsAmount(Domain.Yen.Max + 1), Domain.Yen.IsAmount(0)));
    }

    [Fact]
    public void TheRoundingUnit_RoundsTheSubsidyDown()
    {
        var terms = new SubsidyTerms { RoundingUnitYen = 1_000, Rows = [new TermsRow { Rate = new SubsidyRate(2, 3), MaxYen = 5_000_000 }] };

        Assert.Equal(666_000, terms.For(new TermsSituation(null, null, null, [])).Applied!.Limit(1_000_001));
    }

    public static TheoryData<string, TermsRow[], string> BadTerms => new()
    {
        { "two rows for the same firm", [Row(SizeCondition.Any, 0, 20), Row(SizeCondition.Any, 10, 30)], "Terms.Problem.Overlap" },
        { "a size-class row beside an any-size row", [Row(SizeCondition.Any, null, null), Row(SizeCondition.SmallScale, 0, 5)], "Terms.Problem.Overlap" },
        { "a hole between brackets", [Row(SizeCondition.SmallScale, 0, 5), Row(SizeCondition.SmallScale, 8, 20)], "Terms.Problem.Gap" },
        { "a band that does not start at zero", [Row(SizeCondition.Any, null, null) with { BandFromYen = 100 }], "Terms.Problem.Bands" },
        {
            "bands that leave a hole",
            [Row(SizeCondition.Any, null, null) with { MaxYen = 500_000 }, Row(SizeCondition.Any, null, null) with { BandFromYen = 600_000, MaxYen = 900_000 }],
            "Terms.Problem.Bands"
        },
        { "a minimum above the maximum", [Row(SizeCondition.Any, null, null) with { MinYen = 2_000_000, MaxYen = 1_000_000 }], "Terms.Problem.Amounts" },
        { "a raise on a base row", [Row(SizeCondition.Any, null, null) with { RaiseMaxYen = 1 }], "Terms.Problem.Amounts" },
        { "brackets upside down", [Row(SizeCondition.Any, 20, 5)], "Terms.Problem.Employees" },
        { "a row of a track that does not exist", [Row(SizeCondition.Any, null, null) with { Track = "space" }], "Terms.Problem.RowTrack" },
        { "a top-up row that changes nothing", [Row(SizeCondition.Any, null, null), new TermsRow { TopUp = "wage" }], "Terms.Problem.TopUpRow" },
    };

    [Theory]
    [MemberData(nameof(BadTerms))]
    public void TheEditor_RefusesTermsThatDoNotHoldTogether(string _, TermsRow[] rows, string problem)
    {
        var terms = new SubsidyTerms
        {
            Rows = rows,
            TopUps = [new TermsTopUp("wage", "賃金引上げ特例", "Wage top-up", "引き上げます", "We raise wages")],
        };

        Assert.Contains(terms.Problems(), p => p.Key == problem);
    }

    [Fact]
    public void AGap_NamesTheSizeClassAndTheEmployeesLeftOut()
    {
        var terms = new SubsidyTerms { Rows = [Row(SizeCondition.SmallScale, 0, 5), Row(SizeCondition.SmallScale, 8, 20)] };

        var gap = Assert.Single(terms.Problems());

        Assert.Equal(1, gap.Row);   // beside the row after the hole
        Assert.Equal(["", SizeCondition.SmallScale, 6, 7], gap.Args);
    }

    [Fact]
    public void SubmittedTerms_KeepOnlyTheRowsThatApplied_AndReadBackToTheSameLimit()
    {
        var situation = new TermsSituation("product", SmeClass.SmallScale, 12, ["wage-jump"]);
        var kept = SubmittedTerms.Of(Demo["monozukuri-2026"], situation);
        var content = new SubmittedContent("2026-MONO-000001", 1, new DateTime(2026, 12, 7, 8, 0, 0, DateTimeKind.Utc), "monozukuri-2026", 1, null, null, 6_000_000,
            new Dictionary<string, string>(), [], [], new Dictionary<string, string>(), kept);

        var read = SubmittedContent.Parse(content.Canonical()).Terms!;

        Assert.Equal(2, read.Rows.Rows.Count);
        Assert.Equal(["product"], read.Rows.Tracks.Select(t => t.Key));
        Assert.Equal((12_000_000L, 12_500_000L), (read.Outcome.Applied!.Limit(18_000_000), read.Outcome.Applied.MaxYen!.Value));
        Assert.Equal(content.Canonical(), SubmittedContent.Parse(content.Canonical()).Canonical());
    }

    [Fact]
    public void SubmittedTerms_OfASituationNoRowFits_KeepTheReason_NotNoTerms()
    {
        var noTrack = SubmittedTerms.Of(Demo["monozukuri-2026"], new TermsSituation(null, SmeClass.SmallScale, 12, []));

        Assert.Equal("Terms.ChooseTrack", noTrack.Outcome.ProblemKey);
    }

    private static TermsRow Row(SizeCondition size, int? min, int? max) => new() { Size = size, MinEmployees = min, MaxEmployees = max, Rate = new SubsidyRate(1, 2), MaxYen = 1_000_000 };
}
