using System.Globalization;
using Microsoft.Extensions.Localization;
using SmePlatform.Web.Data.ReferenceData;
using SmePlatform.Web.Infrastructure.Localization;

namespace SmePlatform.Web.Features.Dashboard;

/// <summary>A row's words: a status, a measure's title, a date, an age band, a prefecture or an industry, in the page's language.</summary>
public static class DashboardLabels
{
    public static string Of(string table, string key, IReadOnlyDictionary<int, string> measures, ReferenceCatalog reference, IStringLocalizer t) => (table, key) switch
    {
        (_, "total") => t["Dashboard.Total"],
        ("status", _) => t["ApplicationStatus." + key],
        ("measure", _) => measures.GetValueOrDefault(int.Parse(key, CultureInfo.InvariantCulture)) ?? key,
        ("submissions-per-day" or "decisions-per-day", _) => Display.Date(DateOnly.ParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("backlog-age", _) => t["Dashboard.Age." + key],
        ("prefecture", "") or ("industry", "") or ("sme-class", "") => t["Dashboard.Unknown"],
        ("sme-class", _) => t["SmeClass." + key],
        ("prefecture", _) => reference.Prefectures.FirstOrDefault(p => p.Code == key)?.Name ?? key,
        ("industry", _) => reference.Majors.FirstOrDefault(m => m.Code == key) is { } major ? $"{major.Code} {major.Name}" : key,
        ("flags", _) when key.Split(':') is [var measure, var rule] =>
            $"{measures.GetValueOrDefault(int.Parse(measure, CultureInfo.InvariantCulture)) ?? measure} — {t["IntegrityRule." + rule]}",
        _ => key,
    };
}
