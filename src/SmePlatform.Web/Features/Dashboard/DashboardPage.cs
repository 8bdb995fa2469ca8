namespace SmePlatform.Web.Features.Dashboard;

/// <summary>The dashboard: the filter as typed, its numbers (null when the filter does not read), the measures to choose from, and today.</summary>
public sealed record DashboardPage(StatisticsQuery Query, ApplicationStatisticsResult? Result, IReadOnlyDictionary<int, string> Measures, DateOnly Today);
