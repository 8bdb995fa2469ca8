using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Applications.Downloads;

/// <summary>An attachment of one of the business's applications; null for another business's application or another application's file (404).</summary>
public sealed class AttachmentQuery(ApplicationStore store) : IUseCase
{
    public async Task<AttachmentDownload?> RunAsync(int businessId, int applicationId, int attachmentId, CancellationToken cancellationToken = default) =>
        await store.LoadAsync(businessId, applicationId, cancellationToken: cancellationToken) is { } file
        && file.Application.Attachments.FirstOrDefault(a => a.Id == attachmentId) is { } attachment
        && await store.ContentAsync(file, attachmentId, cancellationToken) is { } bytes
            ? new AttachmentDownload(bytes, attachment.ContentType, attachment.FileName)
            : null;
}
