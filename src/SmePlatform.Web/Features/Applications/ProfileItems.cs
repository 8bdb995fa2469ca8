using System.Globalization;
using System.Resources;
using SmePlatform.Web.Features.Businesses;

namespace SmePlatform.Web.Features.Applications;

/// <summary>
/// The profile items an application form may take (<see cref="ProfilePrefill.Fields"/>), with the words that name
/// them in both languages — their labels and common synonyms — so the form editor can refuse a question that
/// would ask again for something the profile holds (once-only).
/// </summary>
public static class ProfileItems
{
    private static readonly Dictionary<string, string[]> Synonyms = new(StringComparer.Ordinal)
    {
        ["Name"] = ["事業者名", "会社名", "法人名", "商号", "屋号", "Company name", "Business name"],
        ["NameKana"] = ["フリガナ", "ふりがな", "Name reading"],
        ["CorporateNumber"] = ["法人番号", "Corporate number"],
        ["PostalCode"] = ["郵便番号", "Postal code", "Zip code"],
        ["PrefectureCode"] = ["都道府県", "Prefecture"],
        ["City"] = ["市区町村", "City"],
        ["Street"] = ["住所", "所在地", "本社所在地", "Address", "Street address"],
        ["RepresentativeName"] = ["代表者名", "代表者氏名", "代表者", "Representative", "Representative name"],
        ["RepresentativeTitle"] = ["代表者役職", "役職", "Representative title"],
        ["Phone"] = ["電話番号", "電話", "Phone", "Telephone"],
        ["Email"] = ["メールアドレス", "Email", "Email address"],
        ["CapitalYen"] = ["資本金", "資本金の額", "Capital"],
        ["FoundedOn"] = ["設立年月日", "創業日", "開業日", "Founding date", "Founded"],
        ["FiscalYearEndMonth"] = ["決算月", "Fiscal year end"],
        ["Website"] = ["ウェブサイト", "ホームページ", "Website"],
        ["IndustryMajor"] = ["業種", "業種（大分類）", "Industry"],
        ["IndustryMiddle"] = ["業種（中分類）", "Industry group"],
        ["IndustryMinor"] = ["業種（小分類）"],
        ["RegularEmployees"] = ["従業員数", "常時使用する従業員数", "従業員", "Employees", "Number of employees"],
    };

    private static readonly ResourceManager Resources = new("SmePlatform.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    /// <summary>Each item's key with its labels (Japanese and English) and synonyms.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Words { get; } = ProfilePrefill.Fields.ToDictionary(
        field => field,
        field => (IReadOnlyList<string>)[
            .. new[] { "ja", "en" }.Select(culture => Resources.GetString("BusinessField." + field, CultureInfo.GetCultureInfo(culture))).OfType<string>(),
            .. Synonyms.GetValueOrDefault(field, [])],
        StringComparer.Ordinal);
}
