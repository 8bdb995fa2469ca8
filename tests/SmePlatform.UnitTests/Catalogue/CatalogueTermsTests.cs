using SmePlatform.Domain.Catalogue;

namespace SmePlatform.UnitTests.Catalogue;

public class CatalogueTermsTests
{
    [Theory]
    [InlineData(null, EmployeeBracket.NoLimit)]
    [InlineData(5, EmployeeBracket.UpTo5)]
    [InlineData(6, EmployeeBracket.UpTo20)]
    [InlineData(20, EmployeeBracket.UpTo20)]
    [InlineData(21, EmployeeBracket.UpTo50)]
    [InlineData(50, EmployeeBracket.UpTo50)]
    [InlineData(100, EmployeeBracket.UpTo100)]
    [InlineData(101, EmployeeBracket.UpTo300)]
    [InlineData(300, EmployeeBracket.UpTo300)]
    [InlineData(900, EmployeeBracket.UpTo900)]
    [InlineData(901, EmployeeBracket.Over900)]
    public void EmployeeBracket_ForLimit_FollowsJGrants(int? limit, EmployeeBracket expected)
    {
        Assert.Equal(expected, EmployeeBrackets.ForLimit(limit));
    }

    [Theory]
    [InlineData(2, 3, 10_000_000L, 6_666_666L)]    // rounded down to the yen
    [InlineData(1, 2, 1L, 0L)]
    [InlineData(1, 1, 12_345L, 12_345L)]
    [InlineData(3, 4, 0L, 0L)]
    [InlineData(2, 3, 9_000_000_000_000_000_000L, 6_000_000_000_000_000_000L)] // no overflow
    public void SubsidyRate_Of_RoundsDownToTheYen(int numerator, int denominator, long cost, long expected)
    {
        Assert.Equal(expected, new SubsidyRate(numerator, denominator).Of(cost));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(2, 1)]
    [InlineData(1, 0)]
    [InlineData(-1, 2)]
    public void SubsidyRate_OutsideZeroToOne_IsRefused(int numerator, int denominator)
    {
        Assert.False(SubsidyRate.IsValid(numerator, denominator));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SubsidyRate(numerator, denominator));
    }

    [Fact]
    public void SubsidyRate_JapaneseText()
    {
        Assert.Equal("2/3以内", new SubsidyRate(2, 3).ToJapaneseText());
    }

    [Theory]
    [InlineData("2/3以内", "2/3")]
    [InlineData("２／３以内", "2/3")]
    [InlineData("1/2以内（小規模事業者は2/3）", null)]      // two rates: conditional terms, never the first guessed
    [InlineData("10/10", "1/1")]
    [InlineData("補助率 4 / 6", "2/3")]
    [InlineData("50%", "1/2")]
    [InlineData("７５％以内", "3/4")]
    [InlineData("3分の2以内", "2/3")]
    [InlineData("定額", null)]
    [InlineData("3/2", null)]
    [InlineData("-2/3", null)]
    [InlineData("1/2/3", null)]
    [InlineData("0/3", null)]
    [InlineData("120%", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void SubsidyRate_Parse_ReadsTheRateOutOfItsText(string? text, string? expected)
    {
        Assert.Equal(expected, SubsidyRate.Parse(text)?.ToString());
    }

    /// <summary>A rate typed into the terms editor is a rate and nothing else: a sign or a longer fraction is not read into one.</summary>
    [Theory]
    [InlineData("2/3", "2/3")]
    [InlineData(" ２／３以内 ", "2/3")]
    [InlineData("50%", "1/2")]
    [InlineData("3分の2", "2/3")]
    [InlineData("-2/3", null)]
    [InlineData("－1/2", null)]
    [InlineData("1/2/3", null)]
    [InlineData("12/3", null)]
    [InlineData("2/3 or 1/2", null)]
    [InlineData("補助率2/3", null)]
    [InlineData("", null)]
    public void SubsidyRate_ParseExact_ReadsOnlyARateTypedOnItsOwn(string text, string? expected)
    {
        Assert.Equal(expected, SubsidyRate.ParseExact(text)?.ToString());
    }

    private static readonly DateTime Start = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime End = new(2027, 1, 15, 8, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("2026-11-30T23:59:59Z", AcceptanceState.Upcoming)]
    [InlineData("2026-12-01T00:00:00Z", AcceptanceState.Open)]
    [InlineData("2027-01-15T07:59:59Z", AcceptanceState.Open)]
    [InlineData("2027-01-15T08:00:00Z", AcceptanceState.Closed)]  // 17:00 JST on the closing day
    public void Acceptance_At_TheWindowEdges(string now, AcceptanceState expected)
    {
        var instant = DateTime.Parse(now, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);

        Assert.Equal(expected, Acceptance.At(Start, End, instant));
    }

    [Fact]
    public void Acceptance_WithoutAWindow_IsAlways()
    {
        Assert.Equal(AcceptanceState.Always, Acceptance.At(null, null, Start));
        Assert.Equal(AcceptanceState.Open, Acceptance.At(null, End, Start));
    }
}
