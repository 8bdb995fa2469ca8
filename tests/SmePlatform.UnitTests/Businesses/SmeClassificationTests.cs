using SmePlatform.Domain.Businesses;
using SmePlatform.Web.Data.ReferenceData;

namespace SmePlatform.UnitTests.Businesses;

/// <summary>
/// The SME definition at every boundary (at the limit, one over, one under) for every industry group and
/// cabinet-order exception. The limits below are written out from DOMAIN.md §2, independently of the data
/// file the app reads, so a wrong number in the file fails here.
/// </summary>
public class SmeClassificationTests
{
    private static readonly SmeDefinition Definition = SmeDefinitionFile.Load(Path.Combine(AppContext.BaseDirectory, "Data", "ReferenceData"));

    /// <summary>An industry code and the limits it must get: capital, employees, small-scale employees.</summary>
    public static TheoryData<string, string, string?, long, int, int> Industries => new()
    {
        // manufacturing and others: ¥300m or 300; small-scale 20
        { "E", "09", null, 300_000_000, 300, 20 },
        { "D", "06", null, 300_000_000, 300, 20 },
        { "H", "44", null, 300_000_000, 300, 20 },
        { "G", "37", null, 300_000_000, 300, 20 },
        { "G", "41", "413", 300_000_000, 300, 20 },   // newspapers
        { "G", "41", "414", 300_000_000, 300, 20 },   // publishing
        { "K", "69", "691", 300_000_000, 300, 20 },
        { "N", "79", "791", 300_000_000, 300, 20 },   // travel agency
        { "J", "62", null, 300_000_000, 300, 20 },
        // wholesale: ¥100m or 100; small-scale 5
        { "I", "50", null, 100_000_000, 100, 5 },
        { "I", "55", null, 100_000_000, 100, 5 },
        // retail: ¥50m or 50; small-scale 5
        { "I", "56", null, 50_000_000, 50, 5 },
        { "I", "61", null, 50_000_000, 50, 5 },
        { "M", "76", null, 50_000_000, 50, 5 },       // restaurants
        { "M", "77", null, 50_000_000, 50, 5 },       // take-out and delivery
        // services: ¥50m or 100; small-scale 5
        { "G", "38", null, 50_000_000, 100, 5 },
        { "G", "41", "411", 50_000_000, 100, 5 },
        { "G", "41", "412", 50_000_000, 100, 5 },
        { "G", "41", "415", 50_000_000, 100, 5 },
        { "G", "41", "416", 50_000_000, 100, 5 },
        { "K", "69", "693", 50_000_000, 100, 5 },     // parking
        { "K", "70", null, 50_000_000, 100, 5 },      // goods rental
        { "L", "72", null, 50_000_000, 100, 5 },
        { "N", "78", null, 50_000_000, 100, 5 },
        { "N", "79", "792", 50_000_000, 100, 5 },
        { "O", "81", null, 50_000_000, 100, 5 },
        { "P", "85", null, 50_000_000, 100, 5 },
        { "Q", "86", null, 50_000_000, 100, 5 },
        { "R", "92", null, 50_000_000, 100, 5 },
        // services where small-scale is 20: accommodation and entertainment
        { "M", "75", "752", 50_000_000, 100, 20 },
        { "N", "80", null, 50_000_000, 100, 20 },
        // cabinet-order exceptions
        { "E", "19", "192", 300_000_000, 900, 20 },   // rubber products
        { "E", "19", "199", 300_000_000, 900, 20 },
        { "G", "39", null, 300_000_000, 300, 5 },     // software and information processing
        { "M", "75", "751", 50_000_000, 200, 20 },    // inns
    };

    private static SmeClassification Company(string major, string middle, string? minor, long capital, int employees) =>
        Definition.Classify(new BusinessFacts(LegalForm.Corporation, new IndustryCode(major, middle, minor), capital, employees));

    [Theory]
    [MemberData(nameof(Industries))]
    public void Employees_AtTheLimit_IsSme_OneOverIsLarge_WhenCapitalIsOver(string major, string middle, string? minor, long capital, int employees, int smallScale)
    {
        _ = smallScale;
        Assert.Equal(SmeClass.Sme, Company(major, middle, minor, capital + 1, employees).Class);
        Assert.Equal(SmeClass.Sme, Company(major, middle, minor, capital + 1, employees - 1).Class);
        Assert.Equal(SmeClass.Large, Company(major, middle, minor, capital + 1, employees + 1).Class);
    }

    [Theory]
    [MemberData(nameof(Industries))]
    public void Capital_AtTheLimit_IsSme_OneYenOverIsLarge_WhenEmployeesAreOver(string major, string middle, string? minor, long capital, int employees, int smallScale)
    {
        _ = smallScale;
        Assert.Equal(SmeClass.Sme, Company(major, middle, minor, capital, employees + 1).Class);
        Assert.Equal(SmeClass.Sme, Company(major, middle, minor, capital - 1, employees + 1).Class);
        var large = Company(major, middle, minor, capital + 1, employees + 1);
        Assert.Equal(SmeClass.Large, large.Class);
        Assert.Contains(large.Reasons, r => r.Key == "CapitalOver" && (long)r.Values[1] == capital);
        Assert.Contains(large.Reasons, r => r.Key == "EmployeesOver" && (int)r.Values[1] == employees);
    }

    [Theory]
    [MemberData(nameof(Industries))]
    public void SmallScale_AtItsLimit_OneOverIsSme(string major, string middle, string? minor, long capital, int employees, int smallScale)
    {
        _ = employees;
        Assert.Equal(SmeClass.SmallScale, Company(major, middle, minor, capital + 1, smallScale).Class);
        Assert.Equal(SmeClass.SmallScale, Company(major, middle, minor, capital + 1, smallScale - 1).Class);
        Assert.Equal(SmeClass.Sme, Company(major, middle, minor, capital + 1, smallScale + 1).Class);
    }

    [Theory]
    [MemberData(nameof(Industries))]
    public void SoleProprietor_IsJudgedOnEmployeesOnly(string major, string middle, string? minor, long capital, int employees, int smallScale)
    {
        _ = (capital, smallScale);
        var industry = new IndustryCode(major, middle, minor);
        Assert.Equal(SmeClass.Sme, Definition.Classify(new BusinessFacts(LegalForm.SoleProprietor, industry, 1, employees)).Class);
        Assert.Equal(SmeClass.Large, Definition.Classify(new BusinessFacts(LegalForm.SoleProprietor, industry, 1, employees + 1)).Class);
        Assert.Equal(SmeClass.Undetermined, Definition.Classify(new BusinessFacts(LegalForm.SoleProprietor, industry, 1, null)).Class);
    }

    [Theory]
    // Rubber (E 19) without its minor: 500 employees and ¥400m is an SME only under the rubber exception.
    [InlineData("E", "19", null, 400_000_000L, 500, SmeClass.Undetermined, MissingFact.IndustryMinor)]
    // ... but 200 employees is an SME under every rule of E 19, so the verdict stands.
    [InlineData("E", "19", null, 400_000_000L, 200, SmeClass.Sme, null)]
    // Tyres and tubes (191) are under the exception only for cars and aircraft: the product decides.
    [InlineData("E", "19", "191", 400_000_000L, 500, SmeClass.Undetermined, MissingFact.IndustryDetail)]
    [InlineData("E", "19", "193", 400_000_000L, 901, SmeClass.Large, null)]
    // G 41 without its minor: services (100) or others (300).
    [InlineData("G", "41", null, 100_000_000L, 150, SmeClass.Undetermined, MissingFact.IndustryMinor)]
    [InlineData("G", "41", null, 100_000_000L, 80, SmeClass.Sme, null)]
    // K 69 and N 79 likewise.
    [InlineData("K", "69", null, 100_000_000L, 150, SmeClass.Undetermined, MissingFact.IndustryMinor)]
    [InlineData("N", "79", null, 100_000_000L, 150, SmeClass.Undetermined, MissingFact.IndustryMinor)]
    // Only the major: wholesale or retail.
    [InlineData("I", null, null, 200_000_000L, 80, SmeClass.Undetermined, MissingFact.IndustryMiddle)]
    [InlineData("I", null, null, 40_000_000L, 500, SmeClass.Sme, null)]
    public void ImpreciseIndustry_IsUndetermined_OnlyWhenThePossibleRulesDisagree(
        string major, string? middle, string? minor, long capital, int employees, SmeClass expected, MissingFact? missing)
    {
        var verdict = Definition.Classify(new BusinessFacts(LegalForm.Corporation, new IndustryCode(major, middle, minor), capital, employees));

        Assert.Equal(expected, verdict.Class);
        Assert.Equal(missing, verdict.Missing);
    }

    [Fact]
    public void TyreMaker_IsAskedAboutItsProduct()
    {
        var verdict = Company("E", "19", "191", 400_000_000, 500);

        Assert.Contains(verdict.Reasons, r => r.Key == "IndustryNotPrecise" && (string)r.Values[1] == "TyresForCarsOrAircraft");
    }

    [Theory]
    [InlineData(null, 10_000_000L, SmeClass.Sme, null)]               // capital within: enough alone
    [InlineData(null, 400_000_000L, SmeClass.Undetermined, MissingFact.Employees)]
    [InlineData(400, null, SmeClass.Undetermined, MissingFact.Capital)]
    [InlineData(10, null, SmeClass.SmallScale, null)]
    [InlineData(null, null, SmeClass.Undetermined, MissingFact.Employees)]
    public void MissingFigures_AreNamed_UnlessTheOtherLimitDecides(int? employees, long? capital, SmeClass expected, MissingFact? missing)
    {
        var verdict = Definition.Classify(new BusinessFacts(LegalForm.Corporation, new IndustryCode("E", "09"), capital, employees));

        Assert.Equal(expected, verdict.Class);
        Assert.Equal(missing, verdict.Missing);
    }

    [Fact]
    public void NoIndustry_IsUndetermined()
    {
        var verdict = Definition.Classify(new BusinessFacts(LegalForm.Corporation, null, 1, 1));

        Assert.Equal((SmeClass.Undetermined, MissingFact.Industry), (verdict.Class, verdict.Missing!.Value));
    }
}
