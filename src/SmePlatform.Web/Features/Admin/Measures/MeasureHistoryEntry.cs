namespace SmePlatform.Web.Features.Admin.Measures;

/// <summary>One audited change of a measure: when, by whom (their name, or their id when the account is gone), what.</summary>
public sealed record MeasureHistoryEntry(DateTime OccurredAtUtc, string Actor, string Action, string? Details);
