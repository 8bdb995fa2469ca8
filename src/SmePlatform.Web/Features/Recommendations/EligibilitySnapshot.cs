using System.Text.Json;
using System.Text.Json.Serialization;
using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Eligibility;
using SmePlatform.Web.Infrastructure.Localization;

namespace SmePlatform.Web.Features.Recommendations;

/// <summary>One reason as it was worded at submission, in both languages; no <paramref name="Kind"/> for "the measure sets no conditions".</summary>
public sealed record SnapshotReason(RuleKind? Kind, RuleOutcome Outcome, bool WarnOnly, string Ja, string En)
{
    public string Mark => Kind is null ? ReasonText.NoMark : ReasonText.Mark(Outcome, WarnOnly && Outcome != RuleOutcome.Met);
}

/// <summary>
/// The engine's verdict on an application as the applicant saw it when submitting, kept beside the receipt (it is
/// the platform's judgment, not the applicant's content, so it is not under the receipt's hash). Reviewers read it
/// as it was, whatever the rules or the profile say later.
/// </summary>
/// <param name="Verdict">Eligible, not eligible, or need more information.</param>
/// <param name="Reasons">One per rule, worded in both languages.</param>
/// <param name="SmeClass">The business's size class as judged at the same moment (absent from snapshots kept before it was recorded).</param>
public sealed record EligibilitySnapshot(Verdict Verdict, IReadOnlyList<SnapshotReason> Reasons, SmeClass? SmeClass = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static EligibilitySnapshot Of(EligibilityVerdict verdict, ReasonText words, SmeClass? smeClass = null) => new(
        verdict.Verdict,
        verdict.HasNoConditions
            ? [Worded(null, RuleOutcome.Met, false, EligibilityVerdict.NoConditionsReason, words)]
            : [.. verdict.Rules.Select(r => Worded(r.Kind, r.Outcome, r.WarnOnly, r.Reason, words))],
        smeClass);

    private static SnapshotReason Worded(RuleKind? kind, RuleOutcome outcome, bool warnOnly, SmeReason reason, ReasonText words) => new(
        kind, outcome, warnOnly,
        Cultures.In(Cultures.Japanese, () => words.Of(reason)),
        Cultures.In(Cultures.English, () => words.Of(reason)));

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static EligibilitySnapshot? Parse(string? json) => string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<EligibilitySnapshot>(json, Json);
}
