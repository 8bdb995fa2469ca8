using System.Text.Json;
using System.Text.Json.Serialization;
using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Eligibility;
using SmePlatform.Web.Infrastructure.Localization;

namespace SmePlatform.Web.Features.Recommendations;

/// <summary>One reason as it was worded at submission, in both languages.</summary>
public sealed record SnapshotReason(RuleKind Kind, RuleOutcome Outcome, bool WarnOnly, string Ja, string En)
{
    public string Mark => ReasonText.Mark(Outcome, WarnOnly && Outcome != RuleOutcome.Met);
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
        [.. verdict.Rules.Select(r => new SnapshotReason(
            r.Kind, r.Outcome, r.WarnOnly,
            Cultures.In(Cultures.Japanese, () => words.Of(r.Reason)),
            Cultures.In(Cultures.English, () => words.Of(r.Reason))))],
        smeClass);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static EligibilitySnapshot? Parse(string? json) => string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<EligibilitySnapshot>(json, Json);
}
