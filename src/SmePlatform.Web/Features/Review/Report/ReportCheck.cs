using SmePlatform.Domain.Applications;
using SmePlatform.Domain.Time;
using SmePlatform.Web.Features.Applications;

namespace SmePlatform.Web.Features.Review.Report;

/// <summary>
/// What a performance report allows: a reported line counts where its category was planned and its invoice's date
/// stands (<see cref="ReportRules.Check"/>: within the project period, not after the day the report came in); the most
/// payable is the limit of the terms the application was submitted under on the eligible actual cost (rate by band,
/// rounded down, capped by the maximum), up to the grant (<see cref="Domain.Catalogue.AppliedTerms.Payable"/>); without
/// terms, the actual cost up to the grant. While a line's date does not stand (<see cref="DateProblems"/>), the amount
/// is not confirmed nor the payment recorded.
/// </summary>
public sealed record ReportCheck(IReadOnlySet<string> PlannedCategories, long EligibleActualYen, long PayableLimitYen)
{
    public static readonly ReportCheck Empty = new(new HashSet<string>(), 0, 0);

    /// <summary>The lines whose invoice date does not stand, by position, with why.</summary>
    public IReadOnlyDictionary<int, InvoiceDateProblem> DateProblems { get; init; } = new Dictionary<int, InvoiceDateProblem>();

    /// <summary>The latest invoice date reported: a payment is not dated before it.</summary>
    public DateOnly? LatestInvoice { get; init; }

    /// <param name="file">The application with its planned and reported lines.</param>
    /// <param name="submitted">Its latest submitted content, whose terms apply.</param>
    /// <param name="nowUtc">Now: the day a report not yet submitted is judged on.</param>
    public static ReportCheck Of(ApplicationFile file, SubmittedContent? submitted, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(file);
        var application = file.Application;
        var planned = application.Expenses.Select(e => e.Category).ToHashSet(StringComparer.Ordinal);
        // The day the report came in (one written before this rule may be checked later): an invoice is not dated after it.
        var reportDay = JapanTime.DateOf(application.ReportSubmittedAtUtc ?? nowUtc);
        var problems = application.ReportLines
            .Select(l => (l.Position, Problem: ReportRules.Check(l.InvoiceDate, application.ProjectStart, application.ProjectEnd, reportDay)))
            .Where(p => p.Problem != InvoiceDateProblem.None)
            .ToDictionary(p => p.Position, p => p.Problem);
        var eligible = Domain.Yen.Sum(application.ReportLines.Where(l => planned.Contains(l.Category) && !problems.ContainsKey(l.Position)).Select(l => l.AmountYen));
        var granted = application.GrantedYen ?? 0;
        var terms = submitted is null ? file.TermsFor(application.SizeClass, null) : file.TermsOf(submitted);
        return new ReportCheck(planned, eligible, terms.Outcome.Applied?.Payable(eligible, granted) ?? Math.Max(0, Math.Min(eligible, granted)))
        {
            DateProblems = problems,
            LatestInvoice = application.ReportLines.Count > 0 ? application.ReportLines.Max(l => l.InvoiceDate) : null,
        };
    }
}
