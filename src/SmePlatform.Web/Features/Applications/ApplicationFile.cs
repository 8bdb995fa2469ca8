using SmePlatform.Domain.Applications;
using SmePlatform.Domain.Businesses;
using SmePlatform.Domain.Catalogue;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Applications;
using SmePlatform.Web.Data.Businesses;

namespace SmePlatform.Web.Features.Applications;

/// <summary>
/// An application with what every page of it needs: the measure, the form version it started with, and the
/// business. The applicant's journey runs through <see cref="Steps"/>: the profile block, the form's own sections,
/// the project period and expenses, then the check of the answers.
/// </summary>
public sealed record ApplicationFile(Application Application, SupportMeasure Measure, ApplicationForm FormRow, FormDefinition Form, Business Business)
{
    public const string ProfileStep = "profile";
    public const string ExpensesStep = "expenses";
    public const string CheckStep = "check";

    public AcceptanceWindow Window => new(Measure.AcceptanceStartUtc, Measure.AcceptanceEndUtc);

    /// <summary>
    /// The measure's terms applied to this application for a business of this size class and head count on the
    /// application date (a draft's is today's): the track and top-ups chosen, and the rows that apply.
    /// </summary>
    public SubmittedTerms TermsFor(SmeClass? sizeClass, int? employees) =>
        SubmittedTerms.Of(Measure.Terms, new TermsSituation(Application.Track, sizeClass, employees, Application.TopUpKeys));

    /// <summary>
    /// The terms a submission was made under: as kept in its content, or for one submitted before contents kept them,
    /// the measure's terms applied to the size class recorded at submission and the head count it submitted.
    /// </summary>
    public SubmittedTerms TermsOf(SubmittedContent submitted) => submitted.Terms ?? TermsFor(
        Application.SizeClass,
        submitted.Profile.TryGetValue(nameof(Data.Businesses.Business.RegularEmployees), out var employees) && int.TryParse(employees, out var count) ? count : null);

    /// <summary>A draft's terms: the business's size class and head count today (the application date, were it submitted now).</summary>
    public SubmittedTerms TermsToday(Domain.Eligibility.EligibilityEngine engine) =>
        TermsFor((engine ?? throw new ArgumentNullException(nameof(engine))).Classify(Business.Facts).Class, Business.RegularEmployees);

    public IReadOnlyList<string> Steps => [ProfileStep, .. Form.Sections.Select(s => s.Key), ExpensesStep, CheckStep];

    /// <summary>The items a reviewer may ask to correct that are not a form field: the profile block, and the expenses step's parts.</summary>
    public static readonly IReadOnlyList<string> ExpenseItems = ["projectPeriod", "expenses", "requestedYen"];

    /// <summary>
    /// The step where an item a reviewer asked to correct is corrected: a form field's section, the profile block, or the
    /// expenses step (project period, expense lines, amount requested); null for a key the form no longer has.
    /// </summary>
    public string? StepOf(string correctionKey) => correctionKey switch
    {
        ProfileStep => ProfileStep,
        _ when ExpenseItems.Contains(correctionKey) => ExpensesStep,
        _ => Form.Sections.FirstOrDefault(s => s.Fields.Any(f => f.Key == correctionKey))?.Key,
    };

    /// <summary>The application's page, or a page under it: a step (a section's key goes under /sections) or a sub-path such as <c>receipts/1</c>.</summary>
    public string Path(string? step = null) =>
        $"/businesses/{Application.BusinessId}/applications/{Application.Id}" + step switch
        {
            null => "",
            _ when Form.Sections.Any(s => s.Key == step) => "/sections/" + step,
            _ => "/" + step,
        };

    public string NextAfter(string step) => Path(Steps[Math.Min(Steps.Count - 1, Steps.ToList().IndexOf(step) + 1)]);

    /// <summary>The planned expense lines in their order, as a submission freezes them.</summary>
    public IReadOnlyList<ExpenseLineContent> ExpenseLines =>
        [.. Application.Expenses.OrderBy(e => e.Position).Select(e => new ExpenseLineContent(e.Category, e.Description, e.Vendor, e.InvoiceRegistrationNumber, e.QuoteNumber, e.AmountYen))];

    public string? Answer(string key) => Application.Answers.FirstOrDefault(a => a.FieldKey == key)?.Value;

    public IEnumerable<ApplicationAttachment> FilesFor(string key) => Application.Attachments.Where(a => a.FieldKey == key).OrderBy(a => a.Id);

    public bool IsEditable => ApplicationLifecycle.IsEditable(Application.Status);
}

/// <summary>The terms applied to an application as its pages explain them: on the application date, to its eligible cost.</summary>
public sealed record AppliedTermsModel(SubmittedTerms Terms, long EligibleCostYen, DateOnly ApplicationDate)
{
    /// <summary>
    /// The terms a submission was made under (<see cref="ApplicationFile.TermsOf"/>), on its submitted eligible cost and its
    /// date in Japan: the receipt, the reviewer's page and the performance report show the same.
    /// </summary>
    public static AppliedTermsModel Submitted(ApplicationFile file, SubmittedContent content) =>
        new(file.TermsOf(content), Domain.Yen.Sum(content.Expenses.Select(e => e.AmountYen)), Domain.Time.JapanTime.DateOf(content.SubmittedAtUtc));
}
