namespace SmePlatform.Web.Features.Dashboard;

/// <summary>The answer of <c>GET /api/v1/stats/applications</c>: the dashboard's numbers, suppressed the same way.</summary>
public sealed record ApplicationStatsAnswer(
    string From, string To, int? MeasureId, string? Prefecture, int SuppressionThreshold,
    IReadOnlyDictionary<string, IReadOnlyList<StatCount>> Tables, IReadOnlyList<StatTimes> DecisionTimes, IReadOnlyList<StatRate> ReturnRates);
