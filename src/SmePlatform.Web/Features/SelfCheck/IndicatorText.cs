using System.Globalization;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.SelfCheck;

namespace SmePlatform.Web.Features.SelfCheck;

/// <summary>How the self-check's pages write an indicator's value.</summary>
public static class IndicatorText
{
    /// <summary>A value with its unit, to one decimal: 20.0％, 400.0千円, 3.0倍, 1.4か月.</summary>
    public static string Valued(IStringLocalizer t, Indicator indicator, decimal value) =>
        t["SelfCheck.Unit." + indicator, value.ToString("N1", CultureInfo.CurrentCulture)].Value;
}
