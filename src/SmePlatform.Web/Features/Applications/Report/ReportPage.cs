using SmePlatform.Web.Data.Applications;

namespace SmePlatform.Web.Features.Applications.Report;

/// <param name="File">The application.</param>
/// <param name="Form">The actual lines as saved or typed.</param>
/// <param name="MaySubmit">Whether the signed-in person may submit the report.</param>
/// <param name="Terms">The terms the application was submitted under (the rate and maximum that apply to it), as the reviewer reads them; null before a submission.</param>
public sealed record ReportPage(ApplicationFile File, ReportForm Form, bool MaySubmit, AppliedTermsModel? Terms)
{
    public IEnumerable<ApplicationAttachment> Invoices => File.FilesFor(ReportController.InvoicesKey);
}
