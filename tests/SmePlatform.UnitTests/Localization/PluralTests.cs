using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmePlatform.Domain.Text;
using SmePlatform.Web;
using SmePlatform.Web.Infrastructure.Localization;

namespace SmePlatform.UnitTests.Localization;

/// <summary>Messages with a count take the form the count needs: "1 measure found", "2 measures found"; Japanese has one form.</summary>
public class PluralTests
{
    [Theory]
    [InlineData("en", "1", PluralRules.One)]
    [InlineData("en", "0", PluralRules.Other)]
    [InlineData("en", "2", PluralRules.Other)]
    [InlineData("en", "21", PluralRules.Other)]
    [InlineData("en", "-1", PluralRules.Other)]
    [InlineData("en", "1.0", PluralRules.Other)]
    [InlineData("en", "1.5", PluralRules.Other)]
    [InlineData("ja", "1", PluralRules.Other)]
    [InlineData("ja", "2", PluralRules.Other)]
    [InlineData("fr", "1", PluralRules.Other)]
    public void Category_FollowsTheLanguagesPluralRules(string language, string count, string category)
    {
        Assert.Equal(category, PluralRules.Category(language, decimal.Parse(count, CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("en", 1, "1 measure found")]
    [InlineData("en", 0, "0 measures found")]
    [InlineData("en", 25, "25 measures found")]
    [InlineData("ja", 1, "検索結果 1件")]
    [InlineData("ja", 25, "検索結果 25件")]
    public void Plural_TakesTheFormOfTheCount(string culture, int count, string expected)
    {
        var t = Strings(culture);

        Assert.Equal(expected, t.Plural("Catalogue.ResultCount", count, count).Value);
    }

    [Theory]
    [InlineData("en", 1, 33, "1 of 33 open measures is eligible")]
    [InlineData("en", 25, 33, "25 of 33 open measures are eligible")]
    public void Plural_CountsTheNumberTheVerbAgreesWith(string culture, int eligible, int open, string expected)
    {
        Assert.Equal(expected, Strings(culture).Plural("QuickCheck.Measures", eligible, eligible, open).Value);
    }

    [Theory]
    [InlineData(1, "1 employee ≤ 20 (small-scale business)")]
    [InlineData(12, "12 employees ≤ 20 (small-scale business)")]
    public void PluralOfFirstCount_CountsTheFirstWholeNumber(int employees, string expected)
    {
        var t = Strings("en");

        Assert.Equal(expected, t.PluralOfFirstCount("Rule.SmallScale", [employees, 20], employees, 20).Value);
    }

    [Theory]
    [InlineData(new object[] { 3_000_000L, 1 }, 1)]
    [InlineData(new object[] { "MONO-2026-000001", "2026-04-01", "1,234" }, 1234)]
    [InlineData(new object[] { "製造業" }, null)]
    public void CountIn_IsTheFirstIntOrWholeNumberText(object[] values, int? count)
    {
        Assert.Equal(count, Plurals.CountIn(values));
    }

    private static StringLocalizer<SharedResource> Strings(string culture)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        var factory = new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
        return new StringLocalizer<SharedResource>(factory);
    }
}
