using SmePlatform.Domain.Applications;
using SmePlatform.Web.Features.Businesses;
using SmePlatform.Web.Features.Recommendations;

namespace SmePlatform.Web.Features.Applications.Check;

/// <summary>The check-your-answers page: what blocks a submission, the eligibility verdict, the terms, and the submit button's key.</summary>
public sealed record CheckPage(
    ApplicationFile File, IReadOnlyDictionary<string, PrefillValue> Profile, IReadOnlyList<CheckResult> Checks, IReadOnlyList<Blocker> Blockers, bool MaySubmit,
    string IdempotencyKey, EligibilitySnapshot Eligibility, SubmittedTerms Terms, DateOnly Today)
{
    /// <summary>The terms as the page explains them: on today's date, to the eligible cost of the saved lines.</summary>
    public AppliedTermsModel Explained => new(Terms, Domain.Yen.Sum(File.Application.Expenses.Select(e => e.AmountYen)), Today);

    /// <summary>What the automatic integrity checks found in the applicant's own data (never another business's), by rule, with where to fix it.</summary>
    public IReadOnlyList<WarningGroup> Warnings { get; init; } = [];

    /// <summary>Whether it may be submitted now: still editable, nothing blocks it, and the person has the right to submit.</summary>
    public bool Ready => File.IsEditable && Blockers.Count == 0 && MaySubmit;

    /// <summary>Why a submission from this page is refused (the resource key of the message above the form), when it is not <see cref="Ready"/>.</summary>
    public string RefusalKey => !File.IsEditable ? "Apply.NotEditable" : MaySubmit ? "Apply.Blocked" : "Apply.MayNotSubmit";
}
