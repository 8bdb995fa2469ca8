using SmePlatform.UnitTests.Validators;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Features.Businesses;

namespace SmePlatform.UnitTests.Businesses;

/// <summary>The profile's financial statements take figures as statements write them: △ and ▲ for minus.</summary>
public class FinancialYearFormTests
{
    // Made for each test: the localizer sets the test's culture to Japanese.
    private readonly FinancialYearFormValidator _validator = new(Localizer.Japanese(), TimeProvider.System);

    [Theory]
    [InlineData("OperatingProfit", "△2,500,000", -2_500_000L)]
    [InlineData("OrdinaryProfit", "▲2,500,000", -2_500_000L)]
    [InlineData("NetAssets", "△ 12,000,000円", -12_000_000L)]
    [InlineData("TaxableIncome", "▲１００", -100L)]
    [InlineData("Sales", "98,765,432", 98_765_432L)]
    public void AFigureWrittenAsInAStatement_IsSavedAsTheNumber(string figure, string typed, long expected)
    {
        var form = new FinancialYearForm { ClosingDate = "2025-03-31" };
        typeof(FinancialYearForm).GetProperty(figure)!.SetValue(form, typed);
        Assert.True(_validator.Validate(form).IsValid);
        var year = form.ToFinancialYear();

        Assert.Equal(expected, typeof(FinancialYear).GetProperty(figure)!.GetValue(year));
    }

    [Theory]
    [InlineData("Sales", "△2,500,000", "売上高はマイナスにできません")]
    [InlineData("Employees", "３．５", "従業員数は整数（人）で入力してください")]
    [InlineData("Depreciation", "1.5", "減価償却費は整数（円）で入力してください")]
    public void AFigureThatCannotBeRead_OrCannotBeNegative_IsRefusedBesideItsField(string figure, string typed, string message)
    {
        var form = new FinancialYearForm { ClosingDate = "2025-03-31" };
        typeof(FinancialYearForm).GetProperty(figure)!.SetValue(form, typed);

        var failure = Assert.Single(_validator.Validate(form).Errors);

        Assert.Equal(figure, failure.PropertyName);
        Assert.Equal(message, failure.ErrorMessage);
    }
}
