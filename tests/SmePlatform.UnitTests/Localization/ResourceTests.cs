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

    /// <summary>Every key is in both languages, but for the singular forms (".one") that only English has.</summary>
    [Fact]
    public void EveryKey_IsInBothLanguages()
    {
        var japanese = Strings("ja");
        var english = Strings("en");

        Assert.Empty(japanese.Keys.Except(english.Keys));
        Assert.DoesNotContain(english.Keys.Except(japanese.Keys), key => !key.EndsWith(OneForm, StringComparison.Ordinal));
        Assert.True(japanese.Count > 100, $"Only {japanese.Count} strings were found: are the resources embedded?");
    }

    /// <summary>
    /// A singular form stands beside the string it is the singular of (its "other" form, in both languages), uses no
    /// placeholder that one lacks, and is English: Japanese has one form for every count.
    /// </summary>
    [Fact]
    public void SingularForms_AreEnglish_BesideTheirOtherForm()
    {
        var japanese = Strings("ja");
        var english = Strings("en");
        var singular = english.Where(e => e.Key.EndsWith(OneForm, StringComparison.Ordinal)).ToList();

        Assert.DoesNotContain(japanese.Keys, key => key.EndsWith(OneForm, StringComparison.Ordinal));
        Assert.Empty(singular.Where(e => !japanese.ContainsKey(e.Key[..^OneForm.Length])).Select(e => e.Key));
        Assert.Empty(singular.Where(e => !Placeholders(e.Value).IsSubsetOf(Placeholders(english[e.Key[..^OneForm.Length]]))).Select(e => e.Key));
        Assert.True(singular.Count > 10, $"Only {singular.Count} singular forms were found.");
    }

    /// <summary>
    /// An English string that puts a count before a counted noun ("{0} measures found") has a singular form, so that
    /// a count of 1 does not read "1 measures found"; and no string dodges it with "(s)". The strings listed here never
    /// show 1: their number is a fixed limit or always has a decimal place.
    /// </summary>
    [Fact]
    public void EnglishStringsWithACount_HaveASingularForm()
    {
        string[] neverOne =
        [
            "Catalogue.ClosingWithin", // 7, 14 or 30 days (MeasureQuery.ClosingWithinChoices)
            "Consent.Hint.Until", "Consent.Validation.Until", // GrantConsentFormValidator.MaxYears (3)
            "Members.Hint.Email", "Email.MemberInvite.Body", // BusinessInvitation.DaysValid (7)
            "Dashboard.Days", // one decimal place: "1.0 days"
            "Dashboard.SuppressionNote", "SelfCheck.PeersHidden", "SelfCheck.SomePeersHidden", // minimums of 5 and 10 businesses
            "Review.CountMore", // ReviewController.CountLimit (1,000)
            "Integrity.SplitToStaySmall", // two businesses or more share a representative
            "SelfCheck.Total", "SelfCheck.NoCutoffs", // of 30 points
            "SelfCheck.RankCutoffs", // A needs more than the 6 points that six indicators give at the least
            "SelfCheck.Unit.EbitdaDebtRatio", "SelfCheck.Unit.WorkingCapitalPeriod", // one decimal place
            "Password.TooShort", "Password.TooLong", "Validation.DisplayName.TooLong", "Validation.Email.TooLong", // fixed limits
            "Answer.TooLong", "Expense.Validation.TooLong", "Review.Validation.TooLong", "SelfCheck.Validation.AnswerLength", // limits of many characters
            "BusinessValidation.TooLong", "MeasureValidation.TooLong", "TermsValidation.TooLong", "Import.Reason.IdTooLong", "Import.Reason.TitleTooLong", "Import.File.TooMany",
        ];
        var english = Strings("en");

        var missing = english
            .Where(e => !e.Key.EndsWith(OneForm, StringComparison.Ordinal) && !neverOne.Contains(e.Key))
            .Where(e => CountedNoun().IsMatch(e.Value) && !english.ContainsKey(e.Key + OneForm))
            .Select(e => $"{e.Key}: {e.Value}")
            .ToList();

        Assert.True(missing.Count == 0, string.Join("\n", missing));
        Assert.Empty(english.Where(e => DodgedPlural().IsMatch(e.Value)).Select(e => e.Key));
    }

    private const string OneForm = ".one";

    /// <summary>
    /// Japanese follows docs/glossary.md: no string (and no Japanese page text in a .ja.md file) uses a variant its table
    /// 「使わない表記」 lists (サインイン, 正しく入力, 受付回 …), and none has half-width katakana.
    /// </summary>
    [Fact]
    public void JapaneseStrings_FollowTheGlossary()
    {
        var root = Repository.Root;
        var banned = BannedVariants(File.ReadAllLines(Path.Combine(root, "docs", "glossary.md")));
        var texts = Strings("ja").Select(e => (Where: e.Key, Text: e.Value))
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "src", "SmePlatform.Web"), "*.ja.md", SearchOption.AllDirectories)
                .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .Select(path => (Where: Path.GetRelativePath(root, path), Text: File.ReadAllText(path))));

        var found = texts
            .SelectMany(t => banned.Where(b => b.IsMatch(t.Text)).Select(b => $"{t.Where}: {b.Match(t.Text).Value} ({b})")
                .Concat(HalfWidthKatakana().IsMatch(t.Text) ? [$"{t.Where}: half-width katakana \"{HalfWidthKatakana().Match(t.Text).Value}\""] : []))
            .ToList();

        Assert.True(banned.Count >= 10, $"Only {banned.Count} variants were read from the glossary's table.");
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    [Theory]
    [InlineData("サインインしてください")]
    [InlineData("「事業計画名」を正しく入力してください")]
    [InlineData("受付回 1")]
    [InlineData("赤字はマイナスで入力します")]
    [InlineData("差し戻しの理由")]
    [InlineData("ｻｲﾝｲﾝ")]
    public void TheGlossaryCheck_CatchesAVariant(string text)
    {
        var banned = BannedVariants(File.ReadAllLines(Path.Combine(Repository.Root, "docs", "glossary.md")));

        Assert.True(banned.Any(b => b.IsMatch(text)) || HalfWidthKatakana().IsMatch(text));
    }

    [Theory]
    [InlineData("申請を差し戻しました")]
    [InlineData("申請を取り下げる")]
    [InlineData("事務局にお問い合わせください")]
    [InlineData("その他の経費")]
    [InlineData("ログインしてください")]
    public void TheGlossaryCheck_LetsTheRightFormsPass(string text)
    {
        var banned = BannedVariants(File.ReadAllLines(Path.Combine(Repository.Root, "docs", "glossary.md")));

        Assert.DoesNotContain(banned, b => b.IsMatch(text));
    }

    /// <summary>The patterns of the glossary's table 「使わない表記」: the first cell of each row, in backticks.</summary>
    private static List<Regex> BannedVariants(string[] glossary) =>
    [
        .. glossary
            .SkipWhile(line => !line.StartsWith("## 使わない表記", StringComparison.Ordinal))
            .Select(line => GlossaryRow().Match(line))
            .Where(m => m.Success)
            .Select(m => new Regex(m.Groups[1].Value.Replace(@"\|", "|", StringComparison.Ordinal), RegexOptions.CultureInvariant)),
    ];

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

    /// <summary>"line(s)": a noun that leaves its number to the reader (but "http(s)" is a scheme).</summary>
    [GeneratedRegex(@"[a-z](?<!http)\(s\)")]
    private static partial Regex DodgedPlural();

    [GeneratedRegex(@"^\|\s*`(.+?)`\s*\|")]
    private static partial Regex GlossaryRow();

    [GeneratedRegex(@"[\uFF61-\uFF9F]+")]
    private static partial Regex HalfWidthKatakana();

    /// <summary>A placeholder, then up to two words, then a noun people count, in the plural.</summary>
    [GeneratedRegex(@"\{\d+\}\s+(?:[A-Za-z-]+\s+){0,2}?(?:days|hours|minutes|months|years|times|points|measures|warnings|changes|people|employees|officers|shareholders|members|businesses|applications|rows|lines|permissions|reads|accounts|characters|items|files|results|questions)\b")]
    private static partial Regex CountedNoun();
}
