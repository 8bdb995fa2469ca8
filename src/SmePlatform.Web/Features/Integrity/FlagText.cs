using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Integrity;
using SmePlatform.Web.Infrastructure.Localization;

namespace SmePlatform.Web.Features.Integrity;

/// <summary>
/// A finding's explanation in the reader's language. Its values are kept as text (a flag stores them as JSON): whole
/// numbers with thousands separators, dates as ISO dates, and a deemed-large reason as its resource key with its own
/// values after '|' (<c>DeemedReason.OneLargeHoldsHalf|50</c>), put into words when shown.
/// </summary>
public static class FlagText
{
    private const string ReasonPrefix = "DeemedReason.";

    public static IReadOnlyList<string> Values(Finding finding) => [.. finding.Values.Select(Value)];

    public static string ValuesJson(Finding finding) => JsonSerializer.Serialize(Values(finding));

    public static string Explain(IStringLocalizer t, Finding finding) => Explain(t, finding.Explanation, Values(finding));

    public static string Explain(IStringLocalizer t, string explanation, string valuesJson) =>
        Explain(t, explanation, JsonSerializer.Deserialize<string[]>(valuesJson) ?? []);

    private static string Explain(IStringLocalizer t, string explanation, IReadOnlyList<string> values)
    {
        var words = values.Select(v => v.StartsWith(ReasonPrefix, StringComparison.Ordinal) && v.Split('|') is [var key, .. var args] ? t.PluralOfFirstCount(key, args, args).Value : v).ToList();
        // A list of reasons (deemed large) is one value: the reasons joined.
        return explanation == "Integrity.DeemedLarge"
            ? t[explanation, string.Join(t["List.Separator"].Value, words)].Value
            : t.PluralOfFirstCount(explanation, values, [.. words]).Value;
    }

    private static string Value(object value) => value switch
    {
        int or long => string.Format(CultureInfo.InvariantCulture, "{0:N0}", value),
        decimal number => number.ToString("0.##", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        SmeReason reason => string.Join('|', [ReasonPrefix + reason.Key, .. reason.Values.Select(Value)]),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
