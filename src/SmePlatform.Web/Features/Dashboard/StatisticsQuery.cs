using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using SmePlatform.Domain.Time;
using SmePlatform.Web.Data.ReferenceData;

namespace SmePlatform.Web.Features.Dashboard;

/// <summary>The dashboard's and the stats API's query: <c>from</c>, <c>to</c> (yyyy-MM-dd, Japan time), <c>measureId</c>, <c>prefecture</c> (JIS code).</summary>
public sealed class StatisticsQuery
{
    /// <summary>The default period: the last 90 days, today included.</summary>
    public const int DefaultDays = 90;

    /// <summary>The longest period one view counts.</summary>
    public const int MaxDays = 366;

    // Bound by the parameters' own names, so that an error is keyed (and, in the API's ProblemDetails, named) as sent.
    [FromQuery(Name = "from")][Display(Name = "Dashboard.From")] public string? From { get; set; }
    [FromQuery(Name = "to")][Display(Name = "Dashboard.To")] public string? To { get; set; }
    [FromQuery(Name = "measureId")][Display(Name = "Dashboard.Measure")] public string? MeasureId { get; set; }
    [FromQuery(Name = "prefecture")][Display(Name = "Dashboard.Prefecture")] public string? Prefecture { get; set; }

    /// <summary>The filter the query asks for, or the errors keyed by parameter name (resource keys).</summary>
    public bool TryRead(ReferenceCatalog reference, IReadOnlyDictionary<int, string> measures, DateOnly today, out StatisticsFilter filter, out Dictionary<string, string> errors)
    {
        errors = [];
        var to = string.IsNullOrWhiteSpace(To) ? today : Date(To, "to", errors);
        var from = string.IsNullOrWhiteSpace(From) ? to?.AddDays(1 - DefaultDays) : Date(From, "from", errors);
        if (from is { } f && to is { } t && (f > t || t.DayNumber - f.DayNumber >= MaxDays))
        {
            errors["from"] = "Dashboard.Validation.Period";
        }

        int? measureId = null;
        if (!string.IsNullOrWhiteSpace(MeasureId))
        {
            if (int.TryParse(MeasureId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && measures.ContainsKey(id))
            {
                measureId = id;
            }
            else
            {
                errors["measureId"] = "Dashboard.Validation.Measure";
            }
        }

        var prefecture = string.IsNullOrWhiteSpace(Prefecture) ? null : Prefecture.Trim();
        if (prefecture is not null && reference.Prefectures.All(p => p.Code != prefecture))
        {
            errors["prefecture"] = "Dashboard.Validation.Prefecture";
        }

        filter = new StatisticsFilter(from ?? today, to ?? today, measureId, prefecture);
        return errors.Count == 0;
    }

    private static DateOnly? Date(string typed, string name, Dictionary<string, string> errors)
    {
        if (DateOnly.TryParseExact(typed.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors[name] = "Dashboard.Validation.Date";
        return null;
    }

    /// <summary>The filter as a query string for links (CSV, presets), empty parts left out.</summary>
    public static string QueryOf(StatisticsFilter filter) =>
        $"from={filter.From:yyyy-MM-dd}&to={filter.To:yyyy-MM-dd}"
        + (filter.MeasureId is { } m ? $"&measureId={m.ToString(CultureInfo.InvariantCulture)}" : "")
        + (filter.Prefecture is { } p ? $"&prefecture={p}" : "");

    public static DateOnly Today(TimeProvider clock) => JapanTime.DateOf(clock.GetUtcNow().UtcDateTime);
}
