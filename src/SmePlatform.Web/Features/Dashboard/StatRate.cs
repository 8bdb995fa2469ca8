namespace SmePlatform.Web.Features.Dashboard;

/// <summary>A measure's share of submissions returned for correction: null, with <c>suppressed</c> true, when too few are behind it.</summary>
public sealed record StatRate(int MeasureId, long? Submitted, decimal? ReturnedPercent, bool Suppressed);
