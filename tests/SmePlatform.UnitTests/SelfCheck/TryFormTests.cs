using System.Globalization;
using SmePlatform.Web.Features.SelfCheck;

namespace SmePlatform.UnitTests.SelfCheck;

public class TryFormTests
{
    [Theory]
    [InlineData("2026-12-08", "2026-03-31")] // the walk-through's day: the year that ended last March, not today
    [InlineData("2026-03-31", "2026-03-31")] // a year ends on its own day
    [InlineData("2026-03-30", "2025-03-31")]
    [InlineData("2027-01-01", "2026-03-31")]
    public void TheYearEndOffered_IsTheLatest31MarchThatHasCome(string today, string expected) =>
        Assert.Equal(Date(expected), TryForm.DefaultClosing(Date(today)));

    [Fact]
    public void TheYearsCompared_EndOnTheDateTyped_AndAYearBefore()
    {
        var form = new TryForm { ClosingDate = "2025-12-31", Sales = "120000000", PreviousSales = "100000000" };

        var (current, previous) = form.ToYears();

        Assert.Equal(Date("2025-12-31"), current.ClosingDate);
        Assert.Equal(Date("2024-12-31"), previous!.ClosingDate);
        Assert.Equal((120_000_000L, 100_000_000L), (current.Sales, previous.Sales));
    }

    private static DateOnly Date(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);
}
