using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using SmePlatform.Web;
using SmePlatform.Web.Infrastructure.Localization;

namespace SmePlatform.UnitTests.Localization;

/// <summary>Japanese and English resources carry the same keys, the same placeholders, and English is English.</summary>
public partial class ResourceTests
{
    private static readonly ResourceManager Resources = new("SmePlatform.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    private static Dictionary<string, string> Strings(string culture) =>
        Resources.GetResourceSet(CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    [Fact]
    public void EveryKey_IsInBothLanguages()
    {
        var japanese = Strings("ja");
        var english = Strings("en");

        Assert.Empty(japanese.Keys.Except(english.Keys));
        Assert.Empty(english.Keys.Except(japanese.Keys));
        Assert.True(japanese.Count > 100, $"Only {japanese.Count} strings were found: are the resources embedded?");
    }

    [Fact]
    public void EveryString_HasTheSamePlaceholdersInBothLanguages()
    {
        var japanese = Strings("ja");
        var english = Strings("en");

        var mismatched = japanese.Keys
            .Where(key => english.ContainsKey(key) && !Placeholders(japanese[key]).SetEquals(Placeholders(english[key])))
            .ToList();

        Assert.Empty(mismatched);
    }

    [Fact]
    public void EnglishStrings_HaveNoKanaOrKanji_AndNoneIsEmpty()
    {
        var english = Strings("en");

        Assert.Empty(english.Where(e => e.Value.Any(Display.IsJapaneseCharacter)).Select(e => e.Key));
        Assert.Empty(english.Concat(Strings("ja")).Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => e.Key));
    }

    [Fact]
    public void JapaneseStrings_AreJapanese()
    {
        // Every Japanese string that is a sentence holds Japanese characters (a check against copy-paste from English).
        var untranslated = Strings("ja").Where(e => e.Value.Length > 3 && !e.Value.Any(Display.IsJapaneseCharacter)).Select(e => e.Key);

        Assert.Empty(untranslated);
    }

    /// <summary>
    /// Pages name an enum's value through a key made of a family and the value (<c>"ApplicationStatus." + status</c>):
    /// every value has its string, or the page would show the key.
    /// </summary>
    [Theory]
    [InlineData("ApplicationStatus.", typeof(SmePlatform.Domain.Applications.ApplicationStatus))]
    [InlineData("ExpenseCategory.", typeof(SmePlatform.Web.Features.Applications.ExpenseCategory))]
    [InlineData("IntegrityRule.", typeof(SmePlatform.Domain.Integrity.IntegrityRule))]
    [InlineData("FlagSeverity.", typeof(SmePlatform.Domain.Integrity.FlagSeverity))]
    [InlineData("LineMatchKind.", typeof(SmePlatform.Domain.Integrity.LineMatchKind))]
    [InlineData("FlagState.", typeof(SmePlatform.Web.Data.Applications.FlagState))]
    [InlineData("FlagSource.", typeof(SmePlatform.Web.Data.Applications.FlagSource))]
    [InlineData("ScanState.", typeof(SmePlatform.Web.Data.Applications.ScanState))]
    [InlineData("Kind.", typeof(SmePlatform.Domain.Catalogue.MeasureKind))]
    [InlineData("Purpose.", typeof(SmePlatform.Domain.Catalogue.Purpose))]
    [InlineData("MeasureStatus.", typeof(SmePlatform.Domain.Catalogue.MeasureStatus))]
    [InlineData("SizeClass.", typeof(SmePlatform.Domain.Catalogue.SizeClassTarget))]
    [InlineData("Sort.", typeof(SmePlatform.Web.Features.Catalogue.MeasureSort))]
    [InlineData("LegalForm.", typeof(SmePlatform.Domain.Businesses.LegalForm))]
    [InlineData("SmeClass.", typeof(SmePlatform.Domain.Businesses.SmeClass))]
    [InlineData("RuleKind.", typeof(SmePlatform.Domain.Eligibility.RuleKind))]
    [InlineData("DeemedLargeExclusion.", typeof(SmePlatform.Domain.Eligibility.DeemedLargeExclusion))]
    [InlineData("Verdict.", typeof(SmePlatform.Domain.Eligibility.Verdict))]
    [InlineData("SelfCheck.Indicator.", typeof(SmePlatform.Domain.SelfCheck.Indicator))]
    [InlineData("ItemGroup.", typeof(SmePlatform.Web.Data.Businesses.ItemGroup))]
    [InlineData("MemberRole.", typeof(SmePlatform.Web.Data.Businesses.MemberRole))]
    [InlineData("ProfileSource.", typeof(SmePlatform.Web.Data.Businesses.ProfileSource))]
    [InlineData("Verification.", typeof(SmePlatform.Web.Data.Businesses.VerificationState))]
    [InlineData("BodyFormat.", typeof(SmePlatform.Web.Data.BodyFormat))]
    public void EveryValueOfAnEnumShownByName_HasAString(string family, Type values)
    {
        var japanese = Strings("ja");

        var missing = Enum.GetNames(values).Select(name => family + name).Where(key => !japanese.ContainsKey(key)).ToList();

        Assert.True(missing.Count == 0, string.Join(", ", missing));
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
