using SmePlatform.Domain.Applications;
using SmePlatform.Web.Data.Applications;

namespace SmePlatform.Web.Features.Applications.Receipts;

/// <summary>A receipt: the submission, whether its content still matches its hash, and the content as submitted.</summary>
public sealed record ReceiptPage(ApplicationFile File, Submission Submission, bool Unchanged, SubmittedContent Content)
{
    public IReadOnlyList<AttachmentContent> Files => Content.Attachments;
}
