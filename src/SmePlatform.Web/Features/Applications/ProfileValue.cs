using System.Globalization;
using Microsoft.Extensions.Localization;
using SmePlatform.Web.Data.ReferenceData;
using SmePlatform.Web.Infrastructure.Localization;

namespace SmePlatform.Web.Features.Applications;

/// <summary>A profile value as a person reads it: the prefecture's name, yen, a date with its era, the industry's name.</summary>
public static class ProfileValue
{
    public static string Show(string field, string value, IStringLocalizer t, ReferenceCatalog reference) => field switch
    {
        "PrefectureCode" => reference.Prefecture(value)?.Name ?? value,
        "CapitalYen" when long.TryParse(value, CultureInfo.InvariantCulture, out var yen) => Display.Yen(yen),
        "FoundedOn" when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => Display.Date(date),
        "FiscalYearEndMonth" => t["Business.Month", value].Value,
        "RegularEmployees" => Plurals.CountIn([value]) is { } people ? t.Plural("Business.People", people, value).Value : t["Business.People", value].Value,
        "IndustryMajor" or "IndustryMiddle" or "IndustryMinor" => $"{value} {reference.Industry(value)?.Name}",
        _ => value,
    };
}
