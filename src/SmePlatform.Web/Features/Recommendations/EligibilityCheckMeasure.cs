namespace SmePlatform.Web.Features.Recommendations;

/// <summary>
/// One open measure's verdict: <c>eligible</c>, <c>not-eligible</c> or <c>need-more-information</c>, with a reason per
/// rule (a measure that sets no conditions says so).
/// </summary>
public sealed record EligibilityCheckMeasure(string Id, string Title, string Verdict, IReadOnlyList<string> Reasons);
