using System.Globalization;
using SmePlatform.UnitTests.Validators;
using SmePlatform.Web.Data.ReferenceData;
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

    // Made for each test: the localizer sets the test's culture to Japanese.
    private readonly TryFormValidator _validator = new(
        Localizer.Japanese(), ReferenceCatalog.Load(Path.Combine(AppContext.BaseDirectory, "Data", "ReferenceData")), TimeProvider.System);

    private static TryForm Typed(string figure, string value)
    {
        var form = new TryForm { Industry = "E", ClosingDate = "2025-03-31", Sales = "100000000" };
        typeof(TryForm).GetProperty(figure)!.SetValue(form, value);
        return form;
    }

    /// <summary>Each figure's message names its unit: employees are people, the rest yen.</summary>
    [Theory]
    [InlineData("Employees", "３．５", "従業員数は整数（人）で入力してください")]
    [InlineData("Employees", "十人", "従業員数は整数（人）で入力してください")]
    [InlineData("TotalAssets", "3.5", "総資産は整数（円）で入力してください")]
    [InlineData("OperatingProfit", "△△5", "営業利益は整数（円）で入力してください")]
    [InlineData("TotalAssets", "△2,500,000", "総資産はマイナスにできません")]
    [InlineData("Employees", "▲3", "従業員数はマイナスにできません")]
    public void AFigureTypedWrongly_IsRefused_InItsOwnUnit(string figure, string typed, string message)
    {
        var failure = Assert.Single(_validator.Validate(Typed(figure, typed)).Errors);

        Assert.Equal(figure, failure.PropertyName);
        Assert.Equal(message, failure.ErrorMessage);
    }

    /// <summary>△ and ▲ are minus signs, as statements write them: a loss and negative net assets are read as typed.</summary>
    [Theory]
    [InlineData("OperatingProfit", "△2,500,000", -2_500_000L)]
    [InlineData("NetAssets", "▲1,200,000", -1_200_000L)]
    [InlineData("OperatingProfit", "−300,000", -300_000L)]
    public void ANegativeFigure_WrittenAsInAStatement_IsAccepted(string figure, string typed, long expected)
    {
        var form = Typed(figure, typed);

        Assert.True(_validator.Validate(form).IsValid);
        var (current, _) = form.ToYears();
        Assert.Equal(expected, typeof(Domain.SelfCheck.YearFigures).GetProperty(figure)!.GetValue(current));
    }

    private static DateOnly Date(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);
}
