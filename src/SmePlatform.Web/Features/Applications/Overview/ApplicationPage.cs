using SmePlatform.Web.Data.Applications;
using SmePlatform.Web.Data.Businesses;

namespace SmePlatform.Web.Features.Applications.Overview;

/// <summary>The application's own page: its steps, its timeline, its receipts, and what the signed-in member may do.</summary>
public sealed record ApplicationPage(ApplicationFile File, IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<Submission> Receipts, BusinessMember Membership);
