using SmePlatform.Domain.Applications;

namespace SmePlatform.Web.Features.Applications;

/// <summary>One stage of the timeline: the status, when it began, and how long it lasted (to now for the current one).</summary>
public sealed record TimelineEntry(ApplicationStatus Status, DateTime FromUtc, TimeSpan Duration, string? Reason);
