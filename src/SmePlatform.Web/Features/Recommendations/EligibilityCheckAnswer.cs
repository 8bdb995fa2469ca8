namespace SmePlatform.Web.Features.Recommendations;

/// <summary>The answer of <c>GET /api/v1/eligibility-check</c>.</summary>
public sealed record EligibilityCheckAnswer(string SmeClass, string SmeClassReason, IReadOnlyList<EligibilityCheckMeasure> Measures);
