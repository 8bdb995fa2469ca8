using System.Globalization;
using System.Resources;
using System.Text;
using System.Text.Json;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Web.Data.ReferenceData;

namespace SmePlatform.Web.Features.OpenData;

/// <summary>
/// The words jGrants uses for what the platform holds as codes, both ways: industries are JSIC major names,
/// regions prefecture names or 全国, employee limits its brackets, purposes its <c>use_purpose</c> phrases
/// (Data/ReferenceData/jgrants-use-purposes.json). Read by the open-data API and by the import.
/// </summary>
public sealed class JGrantsVocabulary
{
    public const string Nationwide = "全国";
    public const string Separator = "/";

    private readonly ReferenceCatalog _reference;
    private readonly Dictionary<Purpose, string> _purposeNames;
    private readonly Dictionary<string, IReadOnlyList<Purpose>> _purposesByWord;
    private readonly Dictionary<string, string> _majorsByName;
    private readonly Dictionary<string, string> _prefecturesByName;

    public JGrantsVocabulary(ReferenceCatalog reference, IReadOnlyDictionary<string, IReadOnlyList<Purpose>> usePurposes)
    {
        _reference = reference;
        // The API speaks Japanese whatever the caller's language: the purposes' names are read from the Japanese strings.
        var strings = new ResourceManager("SmePlatform.Web.Resources.SharedResource", typeof(SharedResource).Assembly);
        var japanese = CultureInfo.GetCultureInfo("ja");
        _purposeNames = Enum.GetValues<Purpose>().ToDictionary(p => p, p => strings.GetString($"Purpose.{p}", japanese)!);

        _purposesByWord = new Dictionary<string, IReadOnlyList<Purpose>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (phrase, purposes) in usePurposes)
        {
            _purposesByWord[Fold(phrase)] = purposes;
        }

        foreach (var (purpose, name) in _purposeNames)
        {
            _purposesByWord[Fold(name)] = [purpose];
            _purposesByWord[purpose.ToString()] = [purpose];
        }

        _majorsByName = reference.Majors.ToDictionary(c => Fold(c.NameJa), c => c.Code, StringComparer.Ordinal);
        _prefecturesByName = reference.Prefectures.ToDictionary(p => Fold(p.NameJa), p => p.Code, StringComparer.Ordinal);
    }

    public string PurposeName(Purpose purpose) => _purposeNames[purpose];

    /// <summary>The purposes a word stands for: a purpose code, its Japanese name or a jGrants phrase. Null when unknown.</summary>
    public IReadOnlyList<Purpose>? Purposes(string word) => _purposesByWord.GetValueOrDefault(Fold(word));

    /// <summary>The JSIC major letter of a letter, any JSIC code or a major category's Japanese name. Null when unknown.</summary>
    public string? IndustryMajor(string word)
    {
        var folded = Fold(word);
        return _reference.MajorOf(folded.ToUpperInvariant()) ?? _majorsByName.GetValueOrDefault(folded);
    }

    public string IndustryName(string jsicCode) => _reference.Industry(jsicCode)?.NameJa ?? jsicCode;

    /// <summary>The JIS code of a code or a prefecture's Japanese name (東京都, 東京). Null when unknown.</summary>
    public string? PrefectureCode(string word)
    {
        var folded = Fold(word);
        if (_reference.Prefecture(folded) is not null)
        {
            return folded;
        }

        return _prefecturesByName.GetValueOrDefault(folded)
            ?? _prefecturesByName.FirstOrDefault(p => p.Key.Length > 2 && p.Key[..^1] == folded).Value;
    }

    public string PrefectureName(string code) => _reference.Prefecture(code)?.NameJa ?? code;

    /// <summary>The bracket of its jGrants value (「20名以下」) or its code (UpTo20). Null when unknown.</summary>
    public static EmployeeBracket? Bracket(string word)
    {
        var folded = Fold(word);
        foreach (var bracket in Enum.GetValues<EmployeeBracket>())
        {
            if (folded == EmployeeBrackets.JGrantsValue(bracket) || string.Equals(folded, bracket.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return bracket;
            }
        }

        return null;
    }

    /// <summary>The "/"-joined words of a jGrants field, folded and without blanks.</summary>
    public static IEnumerable<string> Split(string? joined) =>
        (joined ?? "").Split(['/', '／', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(w => w.Length > 0);

    public static JGrantsVocabulary Load(ReferenceCatalog reference, string folder)
    {
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "jgrants-use-purposes.json")));
        var usePurposes = file.RootElement.GetProperty("usePurposes").EnumerateArray().ToDictionary(
            e => e.GetProperty("value").GetString()!,
            e => (IReadOnlyList<Purpose>)[.. e.GetProperty("purposes").EnumerateArray().Select(p => Enum.Parse<Purpose>(p.GetString()!))]);
        return new JGrantsVocabulary(reference, usePurposes);
    }

    // Width and compatibility forms folded, blanks removed: 「製造業 」 and 「製造業」 are the same word.
    private static string Fold(string word) => string.Concat(word.Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)));
}
