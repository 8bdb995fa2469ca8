namespace SmePlatform.Web.Features.Dashboard;

/// <summary>A measure's decision times in days: null, with <c>suppressed</c> true, when too few decisions are behind them.</summary>
public sealed record StatTimes(int MeasureId, long? Decisions, decimal? MedianDays, decimal? P90Days, bool Suppressed);
