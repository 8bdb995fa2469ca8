namespace SmePlatform.Domain.Applications;

/// <summary>Where an application is in its life (DOMAIN.md §1).</summary>
public enum ApplicationStatus
{
    Draft,
    Submitted,
    UnderReview,
    ReturnedForCorrection,
    Resubmitted,
    Selected,
    NotSelected,
    GrantDecided,
    Withdrawn,

    /// <summary>実績報告: the applicant has reported the project's actual costs with the invoices.</summary>
    ReportSubmitted,

    /// <summary>The performance report was sent back for correction.</summary>
    ReportReturned,

    /// <summary>額の確定: the reviewer has confirmed the amount payable.</summary>
    AmountConfirmed,

    /// <summary>Completed: the payment is recorded.</summary>
    Paid,
}

/// <summary>The moves the lifecycle allows; anything else is refused.</summary>
public static class ApplicationLifecycle
{
    private static readonly Dictionary<ApplicationStatus, ApplicationStatus[]> Moves = new()
    {
        [ApplicationStatus.Draft] = [ApplicationStatus.Submitted],
        [ApplicationStatus.Submitted] = [ApplicationStatus.UnderReview, ApplicationStatus.Withdrawn],
        [ApplicationStatus.UnderReview] = [ApplicationStatus.ReturnedForCorrection, ApplicationStatus.Selected, ApplicationStatus.NotSelected, ApplicationStatus.Withdrawn],
        [ApplicationStatus.ReturnedForCorrection] = [ApplicationStatus.Resubmitted, ApplicationStatus.Withdrawn],
        [ApplicationStatus.Resubmitted] = [ApplicationStatus.UnderReview, ApplicationStatus.Withdrawn],
        [ApplicationStatus.Selected] = [ApplicationStatus.GrantDecided],
        [ApplicationStatus.GrantDecided] = [ApplicationStatus.ReportSubmitted],
        [ApplicationStatus.ReportSubmitted] = [ApplicationStatus.ReportReturned, ApplicationStatus.AmountConfirmed],
        [ApplicationStatus.ReportReturned] = [ApplicationStatus.ReportSubmitted],
        // A confirmed amount goes back with the report when it cannot be paid as it stands (an invoice's date, say).
        [ApplicationStatus.AmountConfirmed] = [ApplicationStatus.Paid, ApplicationStatus.ReportReturned],
    };

    public static bool CanMove(ApplicationStatus from, ApplicationStatus to) => Moves.TryGetValue(from, out var next) && next.Contains(to);

    /// <summary>Every move the table allows, in the table's order: what a test walks to show each one is made and recorded.</summary>
    public static IReadOnlyList<(ApplicationStatus From, ApplicationStatus To)> AllMoves { get; } =
        [.. Moves.SelectMany(move => move.Value.Select(to => (move.Key, to)))];

    /// <summary>A submission's move from <paramref name="from"/>: the first from a draft, a resubmission after a return; null from anywhere else.</summary>
    public static ApplicationStatus? SubmissionFrom(ApplicationStatus from) => from switch
    {
        ApplicationStatus.Draft => ApplicationStatus.Submitted,
        ApplicationStatus.ReturnedForCorrection => ApplicationStatus.Resubmitted,
        _ => null,
    };

    /// <summary>The applicant may change the answers: a draft, or an application returned for correction.</summary>
    public static bool IsEditable(ApplicationStatus status) => status is ApplicationStatus.Draft or ApplicationStatus.ReturnedForCorrection;

    /// <summary>The applicant may write the performance report: after the grant decision, or when it came back.</summary>
    public static bool IsReportEditable(ApplicationStatus status) => status is ApplicationStatus.GrantDecided or ApplicationStatus.ReportReturned;

    /// <summary>Granted: the grant decision and every stage after it.</summary>
    public static bool IsGranted(ApplicationStatus status) =>
        status is ApplicationStatus.GrantDecided or ApplicationStatus.ReportSubmitted or ApplicationStatus.ReportReturned or ApplicationStatus.AmountConfirmed
            or ApplicationStatus.Paid;

    /// <summary>
    /// The reviewer an application is assigned to resumes its review when it comes back resubmitted after a return, keeping
    /// the assignment (再申請済み → 審査中); anyone else takes it over by assigning it.
    /// </summary>
    public static bool MayResume(ApplicationStatus status, string? assigneeUserId, string userId) =>
        status == ApplicationStatus.Resubmitted && assigneeUserId is not null && assigneeUserId == userId;

    /// <summary>The applicant may still withdraw: anything not yet decided.</summary>
    public static bool CanWithdraw(ApplicationStatus status) => CanMove(status, ApplicationStatus.Withdrawn);
}
