using System.Globalization;
using Microsoft.Extensions.Localization;
using SmePlatform.Web.Data.ReferenceData;
using SmePlatform.Web.Infrastructure.Localization;

namespace SmePlatform.Web.Features.Applications;

/// <summary>
/// A profile value as a person reads it, in the reader's language: the prefecture's name (from its JIS code), the
/// industry's name (from its JSIC code), yen, a date with its era on Japanese pages, a postal code with its hyphen, the
/// phone number with its hyphens, the legal form, the state of confirmation and the purposes by their labels; a code the
/// reference data does not know as it is stored.
/// </summary>
public static class ProfileValue
{
    public static string Show(string field, string value, IStringLocalizer t, ReferenceCatalog reference) => field switch
    {
        "LegalForm" => Label(t, "LegalForm." + value, value),
        "Verification" => Label(t, "Verification." + value, value),
        "Purposes" => string.Join(t["List.Separator"].Value, value.Split(',').Select(purpose => Label(t, "Purpose." + purpose, purpose))),
        "PrefectureCode" => reference.Prefecture(value)?.Name ?? value,
        "CapitalYen" when long.TryParse(value, CultureInfo.InvariantCulture, out var yen) => Display.Yen(yen),
        "FoundedOn" when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => Display.Date(date),
        "FiscalYearEndMonth" => t["Business.Month", value].Value,
        "RegularEmployees" => Plurals.CountIn([value]) is { } people ? t.Plural("Business.People", people, value).Value : t["Business.People", value].Value,
        "Phone" => Display.Phone(value),
        "IndustryMajor" or "IndustryMiddle" or "IndustryMinor" => reference.Industry(value)?.Name ?? value,
        "PostalCode" when value.Length == 7 && value.All(char.IsAsciiDigit) => $"{value[..3]}-{value[3..]}",
        _ => value,
    };

    private static string Label(IStringLocalizer t, string key, string otherwise) => t[key] is { ResourceNotFound: false } found ? found.Value : otherwise;
}
