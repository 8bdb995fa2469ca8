using System.Globalization;
using System.Text.Json;
using SmePlatform.Web.Infrastructure.Localization;

namespace SmePlatform.Web.Data.ReferenceData;

/// <summary>One JSIC category: major (letter), middle (two digits) or minor (three digits).</summary>
public sealed record JsicCategory(string Code, string Level, string? Parent, string NameJa, string NameEn)
{
    public string Name => Cultures.IsJapanese(CultureInfo.CurrentUICulture) ? NameJa : NameEn;
}

public sealed record Prefecture(string Code, string NameJa, string NameEn)
{
    public string Name => Cultures.IsJapanese(CultureInfo.CurrentUICulture) ? NameJa : NameEn;
}

/// <summary>
/// The reference data shipped with the app (Data/ReferenceData, sources in its README): the Japan Standard
/// Industrial Classification (2013) and the 47 prefectures. Loaded once; read-only.
/// </summary>
public sealed class ReferenceCatalog
{
    private readonly Dictionary<string, JsicCategory> _industries;
    private readonly Dictionary<string, Prefecture> _prefectures;

    public ReferenceCatalog(IEnumerable<JsicCategory> industries, IEnumerable<Prefecture> prefectures)
    {
        _industries = industries.ToDictionary(c => c.Code, StringComparer.Ordinal);
        _prefectures = prefectures.ToDictionary(p => p.Code, StringComparer.Ordinal);
        Majors = [.. _industries.Values.Where(c => c.Level == "major").OrderBy(c => c.Code, StringComparer.Ordinal)];
        Prefectures = [.. _prefectures.Values.OrderBy(p => p.Code, StringComparer.Ordinal)];
    }

    public IReadOnlyList<JsicCategory> Majors { get; }

    public IReadOnlyList<Prefecture> Prefectures { get; }

    public JsicCategory? Industry(string code) => _industries.GetValueOrDefault(code);

    public Prefecture? Prefecture(string code) => _prefectures.GetValueOrDefault(code);

    /// <summary>The categories directly under <paramref name="code"/>, by code.</summary>
    public IReadOnlyList<JsicCategory> Children(string code) =>
        [.. _industries.Values.Where(c => c.Parent == code).OrderBy(c => c.Code, StringComparer.Ordinal)];

    /// <summary>Whether the data holds minor categories under this middle one (only where the SME rules need them).</summary>
    public bool HasMinors(string middle) => _industries.Values.Any(c => c.Level == "minor" && c.Parent == middle);

    /// <summary>The major category (letter) a JSIC code belongs to; null for an unknown code.</summary>
    public string? MajorOf(string code)
    {
        var category = Industry(code);
        while (category?.Parent is { } parent)
        {
            category = Industry(parent);
        }

        return category?.Code;
    }

    public static ReferenceCatalog Load(string folder)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        using var jsic = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "jsic-2013.json")));
        using var prefectures = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "prefectures.json")));
        return new ReferenceCatalog(
            jsic.RootElement.GetProperty("categories").Deserialize<List<JsicCategory>>(options)!,
            prefectures.RootElement.GetProperty("prefectures").Deserialize<List<Prefecture>>(options)!);
    }
}
