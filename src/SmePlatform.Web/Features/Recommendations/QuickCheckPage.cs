namespace SmePlatform.Web.Features.Recommendations;

/// <summary>The public quick check: the facts as typed, and once they read, the SME class and every open measure's verdict.</summary>
public sealed record QuickCheckPage(EligibilityCheckParameters Query, Domain.Businesses.SmeClassification? Class, IReadOnlyList<RecommendedMeasure> Results, DateTime NowUtc);
