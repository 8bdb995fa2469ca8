using SmePlatform.Domain.Applications;

namespace SmePlatform.Web.Features.Review.Queue;

/// <summary>One application in the queue, as its row shows it.</summary>
public sealed record QueueItem(int Id, string? Number, string MeasureTitleJa, string MeasureTitleEn, string BusinessName, ApplicationStatus Status, DateTime? SubmittedAtUtc, string? AssigneeName);
