using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Applications;
using SmePlatform.Web.Data;
using SmePlatform.Web.Infrastructure.UseCases;

namespace SmePlatform.Web.Features.Applications.Receipts;

/// <summary>The receipt of one submission, its hash recomputed from the frozen content to show it is unchanged; null when there is none (404).</summary>
public sealed class ReceiptQuery(SmeDbContext db, ApplicationStore store) : IUseCase
{
    public async Task<ReceiptPage?> RunAsync(int businessId, int applicationId, int round, CancellationToken cancellationToken = default)
    {
        if (await store.LoadAsync(businessId, applicationId, cancellationToken: cancellationToken) is not { } file
            || await db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.ApplicationId == applicationId && s.Round == round, cancellationToken) is not { } submission)
        {
            return null;
        }

        var recomputed = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(submission.Content)));
        return new ReceiptPage(file, submission, recomputed == submission.ContentSha256, SubmittedContent.Parse(submission.Content));
    }
}
