using SmePlatform.Domain.Applications;
using SmePlatform.Web.Data.Businesses;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Applications.Report;

/// <summary>
/// The performance report's page, with the terms the application was submitted under; null for another business's
/// application, or, when <c>editableOnly</c> (a post to it), one whose report can no longer be changed.
/// </summary>
public sealed class ReportQuery(ApplicationStore store) : IUseCase
{
    /// <param name="businessId">The business in the route: the application must be its own.</param>
    /// <param name="applicationId">The application.</param>
    /// <param name="membership">The signed-in person's membership of the business (the right to submit).</param>
    /// <param name="typed">The lines as posted, shown as they are; null for the lines saved (or, the first time, the planned ones) and blank lines below.</param>
    /// <param name="editableOnly">Only an application that can still be changed.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<ReportPage?> RunAsync(
        int businessId, int applicationId, BusinessMember membership, ReportForm? typed = null, bool editableOnly = false, CancellationToken cancellationToken = default)
    {
        if (await store.LoadAsync(businessId, applicationId, cancellationToken: cancellationToken) is not { } file
            || (editableOnly && !ApplicationLifecycle.IsReportEditable(file.Application.Status)))
        {
            return null;
        }

        return await PageAsync(file, typed ?? WithBlankLines(ReportForm.From(file.Application)), membership, cancellationToken);
    }

    /// <summary>The page of an application the caller has already loaded (and scoped to its business).</summary>
    public async Task<ReportPage> PageAsync(ApplicationFile file, ReportForm form, BusinessMember membership, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(membership);
        return new(file, form, membership.MaySubmitFor(file.Business),
            await store.LatestSubmittedAsync(file.Application.Id, cancellationToken) is { } submitted ? AppliedTermsModel.Submitted(file, submitted) : null);
    }

    /// <summary>Blank line slots below the filled ones, up to <see cref="ReportForm.BlankLines"/>.</summary>
    public static ReportForm WithBlankLines(ReportForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        while (form.Lines.Count(l => l.IsBlank) < ReportForm.BlankLines)
        {
            form.Lines.Add(new ReportLineForm());
        }

        return form;
    }
}
