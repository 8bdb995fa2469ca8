using SmePlatform.Domain.Applications;
using SmePlatform.Web.Features.Applications;
using SmePlatform.Web.Features.Recommendations;
using SmePlatform.Web.Features.Review.Decide;
using SmePlatform.Web.Features.Review.Grant;
using SmePlatform.Web.Features.Review.Payment;
using SmePlatform.Web.Features.Review.Report;

namespace SmePlatform.Web.Features.Review.Page;

/// <summary>One application as a reviewer works on it: as submitted, with its checks, flags, timeline and the forms open to it now.</summary>
public sealed record ReviewPage(
    ApplicationFile File, SubmittedContent? Submitted, IReadOnlyList<CheckResult> Checks, IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<(string Id, string Name)> Reviewers, string? AssigneeName, DecisionForm Decision, GrantForm Grant, EligibilitySnapshot? Eligibility,
    IReadOnlyList<FlagView> Flags)
{
    /// <summary>A decision that lost to someone else's: shown back so nothing typed is lost.</summary>
    public DecisionForm? Unrecorded { get; init; }

    /// <summary>The performance report's check: the form, and what the reported lines allow (<see cref="ReportCheck"/>).</summary>
    public ReportDecisionForm Report { get; init; } = new();

    public ReportCheck ReportCheck { get; init; } = ReportCheck.Empty;

    public PaymentForm Payment { get; init; } = new();

    /// <summary>The measure's terms as the application was submitted under them, on its submitted eligible cost.</summary>
    public AppliedTermsModel? Terms => Submitted is null ? null : AppliedTermsModel.Submitted(File, Submitted);
}
