namespace SmePlatform.Web.Features.Admin.Measures;

/// <summary>A measure's audited changes, newest first, under its title in the page's language.</summary>
public sealed record MeasureHistoryPage(int Id, string Title, IReadOnlyList<MeasureHistoryEntry> Entries);
