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
    public void JapaneseStrings_SayLogin_NeverSignIn()
    {
        // The site's word is ログイン (its menu, its pages): サインイン anywhere is a second word for the same thing.
        Assert.Empty(Strings("ja").Where(e => e.Value.Contains("サインイン", StringComparison.Ordinal)).Select(e => e.Key));
    }

    [Fact]
    public void NoString_PointsPeopleToInternalDocuments()
    {
        // Notes for the developers (DOMAIN.md, its sections) are not for the people using the portal.
        Assert.Empty(Strings("ja").Concat(Strings("en")).Where(e => e.Value.Contains("DOMAIN", StringComparison.Ordinal) || e.Value.Contains('§')).Select(e => e.Key));
    }

    [Fact]
    public void JapaneseStrings_AreJapanese()
    {
        // Every Japanese string that is a sentence holds Japanese characters (a check against copy-paste from English).
        var untranslated = Strings("ja").Where(e => e.Value.Length > 3 && !e.Value.Any(Display.IsJapaneseCharacter)).Select(e => e.Key);

        Assert.Empty(untranslated);
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
