using SmePlatform.Domain.Applications;

namespace SmePlatform.Web.Features.Applications.Listing;

/// <summary>One application in the list: its number (once submitted), the measure's title, its status and when it last changed.</summary>
public sealed record ApplicationListItem(int Id, string? Number, string MeasureTitleJa, string MeasureTitleEn, ApplicationStatus Status, DateTime UpdatedAtUtc);
