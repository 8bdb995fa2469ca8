using SmePlatform.Domain.Eligibility;
using SmePlatform.Domain.Time;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Applications.Expenses;

/// <summary>
/// The project period and expenses step, with the measure's terms explained on the lines shown; null for another
/// business's application, or, when <c>editableOnly</c> (a post to the step), one that can no longer be edited.
/// </summary>
public sealed class ExpensesQuery(ApplicationStore store, EligibilityEngine engine, TimeProvider clock) : IUseCase
{
    /// <param name="businessId">The business in the route: the application must be its own.</param>
    /// <param name="applicationId">The application.</param>
    /// <param name="typed">The fields as posted, shown as they are; null for the application's saved fields and the blank lines below them.</param>
    /// <param name="editableOnly">Only an application that can still be changed.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<ExpensesPage?> RunAsync(
        int businessId, int applicationId, ExpensesForm? typed = null, bool editableOnly = false, CancellationToken cancellationToken = default)
    {
        if (await store.LoadAsync(businessId, applicationId, cancellationToken: cancellationToken) is not { } file || (editableOnly && !file.IsEditable))
        {
            return null;
        }

        var form = typed ?? WithBlankLines(ExpensesForm.From(file.Application));
        return new ExpensesPage(file, form, ExplainedToday(file, form));
    }

    /// <summary>The blank lines below the filled ones (at least three lines in all).</summary>
    public static ExpensesForm WithBlankLines(ExpensesForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Lines.AddRange(Enumerable.Range(0, Math.Max(ExpensesForm.BlankLines, 3 - form.Lines.Count)).Select(_ => new ExpenseLineForm()));
        return form;
    }

    /// <summary>The draft's terms (the business's size class and head count today), today, on the eligible cost of the lines shown (typed or saved).</summary>
    private AppliedTermsModel ExplainedToday(ApplicationFile file, ExpensesForm form) =>
        new(file.TermsToday(engine),
            Domain.Yen.Sum(form.Lines.Select(l => ExpensesForm.Yen(l.AmountYen) is long yen && Domain.Yen.IsAmount(yen) ? yen : 0)),
            JapanTime.DateOf(clock.GetUtcNow().UtcDateTime));
}
