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
    };

    public static bool CanMove(ApplicationStatus from, ApplicationStatus to) => Moves.TryGetValue(from, out var next) && next.Contains(to);

    /// <summary>The applicant may change the answers: a draft, or an application returned for correction.</summary>
    public static bool IsEditable(ApplicationStatus status) => status is ApplicationStatus.Draft or ApplicationStatus.ReturnedForCorrection;

    /// <summary>The applicant may still withdraw: anything not yet decided.</summary>
    public static bool CanWithdraw(ApplicationStatus status) => CanMove(status, ApplicationStatus.Withdrawn);
}
