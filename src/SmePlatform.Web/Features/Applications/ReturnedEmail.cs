using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmePlatform.Domain.Applications;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Messaging;
using SmePlatform.Web.Features.Notices;
using SmePlatform.Web.Infrastructure.Localization;

namespace SmePlatform.Web.Features.Applications;

/// <summary>
/// The "returned for correction" email's placeholders: the application's number, the deadline (Japan time), the
/// reviewer's reason, and each item to correct with its reason, labelled as the applicant's step pages show them.
/// </summary>
public sealed class ReturnedEmail(SmeDbContext db, IStringLocalizer<SharedResource> t) : IEmailArguments
{
    public string Template => Outbox.ReturnedTemplate;

    public async Task<Func<string, object[]>> ArgumentsAsync(OutboxMessage message, CancellationToken cancellationToken = default)
    {
        var parts = message.Arguments.Split('\t');
        var (applicationId, round) = (int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture));
        var application = await db.Applications.AsNoTracking().Where(a => a.Id == applicationId)
            .Select(a => new { a.CorrectionDueAtUtc, a.FormId }).FirstAsync(cancellationToken);
        var form = (await db.ApplicationForms.AsNoTracking().FirstAsync(f => f.Id == application.FormId, cancellationToken)).Read();
        var corrections = await db.CorrectionRequests.AsNoTracking().Where(c => c.ApplicationId == applicationId && c.Round == round)
            .OrderBy(c => c.Id).Select(c => new { c.FieldKey, c.Reason }).ToListAsync(cancellationToken);
        var reason = await db.ApplicationTransitions.AsNoTracking()
            .Where(x => x.ApplicationId == applicationId && x.To == ApplicationStatus.ReturnedForCorrection)
            .OrderByDescending(x => x.Id).Select(x => x.Reason).FirstOrDefaultAsync(cancellationToken);
        return culture => Cultures.In(culture, () => new object[]
        {
            parts[0],
            application.CorrectionDueAtUtc is { } due ? Display.DateTime(due) : "-",
            string.IsNullOrWhiteSpace(reason) ? "-" : reason,
            corrections.Count == 0 ? "-" : string.Join("\n", corrections.Select(c =>
                $"・{CorrectionsAsked.Label(form, c.FieldKey, t)}: {c.Reason}")),
        });
    }
}
