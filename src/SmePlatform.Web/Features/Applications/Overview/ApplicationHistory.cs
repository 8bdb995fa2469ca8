using SmePlatform.Web.Data.Applications;

namespace SmePlatform.Web.Features.Applications.Overview;

/// <summary>An application with its moves in order and its receipts by round: what its page is made of.</summary>
public sealed record ApplicationHistory(ApplicationFile File, IReadOnlyList<ApplicationTransition> Transitions, IReadOnlyList<Submission> Receipts);
