using System.Globalization;
using SmePlatform.Web.Data;
using SmePlatform.Web.Features.Applications;
using SmePlatform.Web.Infrastructure.Auditing;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Review.Attachments;

/// <summary>A file attached to an application, as a reviewer downloads it.</summary>
public sealed record ReviewAttachment(byte[] Content, string ContentType, string FileName);

/// <summary>
/// One of an application's attached files, for a reviewer: the download is audited. Null: no such application, or no
/// such file on it.
/// </summary>
public sealed class ReviewAttachmentQuery(SmeDbContext db, ApplicationStore store, AuditLog audit) : IUseCase
{
    public async Task<ReviewAttachment?> HandleAsync(int applicationId, int attachmentId, CancellationToken cancellationToken = default)
    {
        if (await store.LoadForStaffAsync(applicationId, cancellationToken: cancellationToken) is not { } file
            || file.Application.Attachments.FirstOrDefault(a => a.Id == attachmentId) is not { } attachment
            || await store.ContentAsync(file, attachmentId, cancellationToken) is not { } bytes)
        {
            return null;
        }

        audit.Record("attachment.downloaded", "ApplicationAttachment", attachmentId.ToString(CultureInfo.InvariantCulture), $"application {applicationId}");
        await db.SaveChangesAsync(cancellationToken);
        return new ReviewAttachment(bytes, attachment.ContentType, attachment.FileName);
    }
}
