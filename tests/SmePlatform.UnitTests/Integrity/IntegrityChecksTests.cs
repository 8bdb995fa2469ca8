using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Integrity;
using SmePlatform.Web.Data.ReferenceData;

namespace SmePlatform.UnitTests.Integrity;

/// <summary>Each rule: cases that must fire, near misses that must not, and what the finding says.</summary>
public class IntegrityChecksTests
{
    private static readonly SmeDefinition Definition = SmeDefinitionFile.Load(Path.Combine(AppContext.BaseDirectory, "Data", "ReferenceData"));

    private static readonly ClaimLine Lathe = LatheAs();

    /// <summary>The lathe's line, with what differs.</summary>
    private static ClaimLine LatheAs(int position = 1, string vendor = "株式会社サンプル機械", string? issuer = "T7000012050002", string? number = "INV-001", long amount = 3_000_000) =>
        new(position, "Machinery", vendor, issuer, number, amount);

    private static Claim ClaimOf(int id, int business, string start, string end, params ClaimLine[] lines) =>
        new(id, business, $"2026-MONO-{id:D6}", DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), lines);

    public static TheoryData<string, Claim, FlagSeverity?> DoubleReceiptCases => new()
    {
        // Fires: the same invoice, periods overlapping by one day.
        { "same invoice, one day shared", ClaimOf(2, 7, "2026-09-30", "2027-03-31", LatheAs(position: 3)), FlagSeverity.High },
        // Fires: the same invoice typed another way (full width, lower case, spaces, hyphens).
        { "same invoice typed otherwise", ClaimOf(2, 7, "2026-06-01", "2026-12-31", LatheAs(issuer: "ｔ７０００－０１２０５０００２", number: "inv 001")), FlagSeverity.High },
        // Fires as a warning: no invoice numbers, but the same vendor, category and amount.
        { "same purchase", ClaimOf(2, 7, "2026-06-01", "2026-12-31", LatheAs(issuer: null, number: null, vendor: "株式会社　サンプル機械")), FlagSeverity.Warning },
        // Near misses.
        { "periods apart by a day", ClaimOf(2, 7, "2026-10-01", "2027-03-31", Lathe), null },
        { "another business", ClaimOf(2, 8, "2026-06-01", "2026-12-31", Lathe), null },
        { "another amount, another invoice", ClaimOf(2, 7, "2026-06-01", "2026-12-31", LatheAs(number: "INV-002", amount: 2_999_999)), null },
        { "no period", new Claim(2, 7, null, null, null, [Lathe]), null },
    };

    [Theory]
    [MemberData(nameof(DoubleReceiptCases))]
    public void DoubleReceipt(string why, Claim other, FlagSeverity? expected)
    {
        var claim = ClaimOf(1, 7, "2026-04-01", "2026-09-30", Lathe);

        var found = IntegrityChecks.DoubleReceipt(claim, [claim, other]).SingleOrDefault();

        Assert.True(expected == found?.Severity, why);
        if (found is not null)
        {
            Assert.Equal(IntegrityRule.DoubleReceipt, found.Rule);
            Assert.Equal("Integrity.DoubleReceipt", found.Explanation);
            Assert.Equal<object>(["2026-MONO-000002", other.Start!.Value, other.End!.Value, 1], found.Values);
            Assert.Equal(2, found.OtherApplicationId);
            Assert.Equal(other.Lines[0].Position, Assert.Single(found.Lines!).OtherPosition);
            Assert.False(found.InvolvesOtherBusiness);
        }
    }

    [Theory]
    [InlineData(8, "T7000012050002", "INV-001", true)]   // another business, the same invoice
    [InlineData(8, "T7000012050002", "INV-002", false)]  // the same issuer, another invoice
    [InlineData(8, "T7000012050003", "INV-001", false)]  // another issuer's invoice of the same number
    [InlineData(8, null, "INV-001", false)]              // no issuer: not an invoice that can be matched
    [InlineData(7, "T7000012050002", "INV-001", false)]  // the same business: double receipt's business, not this rule's
    public void SharedInvoice(int otherBusiness, string? issuer, string? number, bool fires)
    {
        var claim = ClaimOf(1, 7, "2026-04-01", "2026-09-30", Lathe);
        var other = ClaimOf(2, otherBusiness, "2027-04-01", "2027-09-30", LatheAs(position: 2, issuer: issuer, number: number));

        var found = IntegrityChecks.SharedInvoice(claim, [other]).SingleOrDefault();

        Assert.Equal(fires, found is not null);
        if (found is not null)
        {
            Assert.Equal(FlagSeverity.High, found.Severity);
            Assert.Equal(new LineMatch(1, 2, LineMatchKind.SameInvoice), Assert.Single(found.Lines!));
            Assert.Equal([8], found.OtherBusinessIds!);
            Assert.True(found.InvolvesOtherBusiness);
        }
    }

    [Theory]
    [InlineData("E", "09", 301, 300_000_001L, true)]    // manufacturing: both limits exceeded
    [InlineData("E", "09", 301, 300_000_000L, false)]   // capital exactly at the limit: still an SME
    [InlineData("E", "09", 300, 400_000_000L, false)]   // employees at the limit
    [InlineData("I", "58", 51, 50_000_001L, true)]      // retail: 50 people, ¥50 million
    [InlineData("I", "58", 50, 50_000_001L, false)]
    [InlineData(null, null, 5_000, 9_000_000_000L, false)] // no industry: undetermined, never flagged as large
    public void BecameLarge(string? major, string? middle, int employees, long capital, bool fires)
    {
        var facts = new BusinessFacts(LegalForm.Corporation, IndustryCode.Of(major, middle, null), capital, employees);
        var found = IntegrityChecks.BecameLarge(facts, Definition.Classify(facts));

        Assert.Equal(fires, found is not null);
        if (found is not null)
        {
            Assert.Equal("Integrity.BecameLarge", found.Explanation);
            Assert.Equal(employees, found.Values[1]);
            Assert.Equal(capital, found.Values[3]);
        }
    }

    [Theory]
    [InlineData(50, false, true, "OneLargeHoldsHalf")]      // one large enterprise holds half
    [InlineData(49.9, false, false, "")]                    // just under half, no other rule
    [InlineData(10, true, true, "TaxableIncomeOver")]       // average taxable income over ¥1.5 billion, and the measure asks
    [InlineData(10, false, false, "")]                      // the same income, the measure does not ask
    public void DeemedLarge(double largeShare, bool measureAsksIncome, bool fires, string reason)
    {
        var verdict = Domain.Businesses.DeemedLarge.Test(
            [new Shareholder((decimal)largeShare, IsLargeEnterprise: true)], [new Officer(false)], measureAsksIncome, [2_000_000_000, 1_600_000_000, 1_000_000_000]);

        var found = IntegrityChecks.DeemedLarge(verdict);

        Assert.Equal(fires, found is not null);
        if (found is not null)
        {
            Assert.Contains(reason, found.Values.OfType<SmeReason>().Select(r => r.Key));
        }
    }

    [Theory]
    [InlineData(200, 101, 10_000_000L, 10_000_000L, true)]   // 301 people together, over the 300 of manufacturing
    [InlineData(200, 100, 10_000_000L, 10_000_000L, false)]  // 300 together: at the limit
    [InlineData(10, 10, 200_000_000L, 100_000_001L, true)]   // capital together over ¥300 million
    public void SplitToStaySmall(int employees, int otherEmployees, long capital, long otherCapital, bool fires)
    {
        var limits = Definition.Rule("ManufacturingAndOthers");
        var business = new SizedBusiness(1, "山田　太郎", "13 千代田区 丸の内1-1", employees, capital);
        var other = new SizedBusiness(2, "山田 太郎", "13千代田区丸の内１－１", otherEmployees, otherCapital);

        var found = IntegrityChecks.SplitToStaySmall(business, limits, [business, other]);

        Assert.Equal(fires, found is not null);
        if (found is not null)
        {
            Assert.Equal([2], found.OtherBusinessIds!);
            Assert.Equal<object>([2, employees + otherEmployees, 300, capital + otherCapital, 300_000_000L], found.Values);
        }
    }

    [Fact]
    public void SplitToStaySmall_NeedsTheSameRepresentativeAndTheSameAddress()
    {
        var limits = Definition.Rule("ManufacturingAndOthers");
        var business = new SizedBusiness(1, "山田太郎", "13千代田区丸の内1-1", 200, 10_000_000);

        Assert.Null(IntegrityChecks.SplitToStaySmall(business, limits, [new SizedBusiness(2, "山田花子", "13千代田区丸の内1-1", 200, 10_000_000)]));
        Assert.Null(IntegrityChecks.SplitToStaySmall(business, limits, [new SizedBusiness(2, "山田太郎", "13千代田区丸の内1-2", 200, 10_000_000)]));
        Assert.Null(IntegrityChecks.SplitToStaySmall(new SizedBusiness(1, "山田太郎", null, 200, 10_000_000), limits, [new SizedBusiness(2, "山田太郎", null, 200, 10_000_000)]));
    }

    [Fact]
    public void TheSameFindingFoundAgain_HasTheSameFingerprint()
    {
        var claim = ClaimOf(1, 7, "2026-04-01", "2026-09-30", Lathe);
        var other = ClaimOf(2, 7, "2026-06-01", "2026-12-31", Lathe);

        var first = IntegrityChecks.DoubleReceipt(claim, [other]).Single();
        var again = IntegrityChecks.DoubleReceipt(claim, [other]).Single();
        var elsewhere = IntegrityChecks.DoubleReceipt(claim, [other with { ApplicationId = 3 }]).Single();

        Assert.Equal(first.Fingerprint, again.Fingerprint);
        Assert.NotEqual(first.Fingerprint, elsewhere.Fingerprint);
    }
}
