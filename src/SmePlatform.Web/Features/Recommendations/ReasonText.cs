using System.Collections;
using System.Globalization;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Domain.Eligibility;
using SmePlatform.Web.Data.ReferenceData;
using SmePlatform.Web.Infrastructure.Localization;

namespace SmePlatform.Web.Features.Recommendations;

/// <summary>Where the facts being judged came from: a business's profile, the public check's form, or its API's query.</summary>
public enum FactsFrom
{
    Profile,
    CheckForm,
    ApiQuery,
}

/// <summary>
/// Puts the engine's reasons into words in the current language: yen as yen, JSIC and prefecture codes by name,
/// legal forms and purposes by their labels, a deemed-large reason by its own words, lists joined.
/// </summary>
public sealed class ReasonText(IStringLocalizer<SharedResource> t, ReferenceCatalog reference)
{
    /// <summary>The outcome's mark, as the reason lists show it: met, notmet, unknown, or warning for a warn-only rule that did not pass.</summary>
    public static string Mark(RuleOutcome outcome, bool warning) => warning ? "warning" : outcome.ToString().ToLowerInvariant();

    /// <summary>The mark of a reason that is no rule's outcome (a measure that sets no conditions): shown without a mark.</summary>
    public const string NoMark = "none";

    /// <summary>
    /// Facts the profile keeps on a page of their own, and how the anonymous check asks for them instead: the question of
    /// its form (a resource key) and the parameter of its API. A visitor cannot register shareholders; they answer.
    /// </summary>
    private static readonly Dictionary<string, (string Question, string Parameter)> AskedByTheCheck = new(StringComparer.Ordinal)
    {
        ["OwnershipUnknown"] = ("QuickCheck.DeemedLarge", "deemedLarge"),
    };

    /// <summary>A reason in words; where the facts came from the check's form or API, a missing fact is asked for there.</summary>
    public string Of(SmeReason reason, FactsFrom from = FactsFrom.Profile) =>
        from != FactsFrom.Profile && AskedByTheCheck.TryGetValue(reason.Key, out var asked)
            ? t[$"Rule.{reason.Key}.{from}", from == FactsFrom.CheckForm ? t[asked.Question].Value : asked.Parameter]
            : t.PluralOfFirstCount("Rule." + reason.Key, reason.Values, [.. reason.Values.Select(Value)]);

    /// <summary>A verdict's reasons as the page and the API give them: one per rule with its mark, or that the measure sets no conditions.</summary>
    public IReadOnlyList<(string Mark, string Text)> Of(EligibilityVerdict verdict, FactsFrom from = FactsFrom.Profile) =>
        verdict.HasNoConditions
            ? [(NoMark, Of(EligibilityVerdict.NoConditionsReason))]
            : [.. verdict.Rules.Select(r => (Mark(r.Outcome, r.IsWarning), Of(r.Reason, from)))];

    /// <summary>The SME class's reasons, as the profile page words them.</summary>
    public string OfClass(SmeReason reason) =>
        t.PluralOfFirstCount("SmeReason." + reason.Key, reason.Values, [.. reason.Values.Select(v => v is string word && word.Length > 0 ? t["SmeWord." + word].Value : Value(v))]);

    private string Value(object value) => value switch
    {
        long yen => Display.Yen(yen),
        int count => count.ToString("N0", CultureInfo.CurrentCulture),
        JsicCode code => reference.Industry(code.Code) is { } category ? Display.Text($"{category.NameJa}（{code.Code}）", $"{category.NameEn} ({code.Code})") : code.Code,
        PrefectureCode code => reference.Prefecture(code.Code)?.Name ?? code.Code,
        LegalForm form => t["LegalForm." + form],
        Purpose purpose => t["Purpose." + purpose],
        SmeReason deemed => t.PluralOfFirstCount("DeemedReason." + deemed.Key, deemed.Values, [.. deemed.Values.Select(DeemedValue)]),
        IEnumerable list and not string => string.Join(Display.Text("、", ", "), list.Cast<object>().Select(Value)),
        _ => Convert.ToString(value, CultureInfo.CurrentCulture) ?? "",
    };

    /// <summary>The deemed-large reasons write their own units (「{0}%」「{0}円」), as the ownership page shows them.</summary>
    private static object DeemedValue(object value) => value switch
    {
        decimal percent => percent.ToString("0.##", CultureInfo.InvariantCulture),
        long amount => amount.ToString("N0", CultureInfo.CurrentCulture),
        _ => value,
    };
}
