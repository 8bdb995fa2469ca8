using Microsoft.EntityFrameworkCore;
using SmePlatform.Web.Data;
using SmePlatform.Web.Data.Messaging;

namespace SmePlatform.Web.Features.Notices;

/// <summary>
/// Writes notices and emails to the outbox, in the caller's unit of work: they are saved (or not) with the change
/// they tell of, and <see cref="OutboxDispatcher"/> delivers them afterwards. Arguments hold ids, numbers and
/// codes, never personal data.
/// </summary>
public sealed class Outbox(SmeDbContext db, TimeProvider clock)
{
    /// <summary>The email receipt of a submission: its one argument is <see cref="ReceiptKey"/>.</summary>
    public const string ReceiptTemplate = "Receipt";

    /// <summary>
    /// An application returned for correction: its arguments are the number, the application's id and the round returned;
    /// the email carries the reviewer's reasons and the deadline, read when it is sent.
    /// </summary>
    public const string ReturnedTemplate = "Returned";

    /// <summary>
    /// A message's placeholders as a person reads them: an argument that is a resource key (<c>ApplicationStatus.…</c>)
    /// is shown in the reader's language; the rest (numbers, slugs) as stored.
    /// </summary>
    public static object[] Localized(string arguments, Microsoft.Extensions.Localization.IStringLocalizer t) =>
        [.. arguments.Split('\t').Select(argument => argument.StartsWith("ApplicationStatus.", StringComparison.Ordinal) ? t[argument].Value : argument)];

    /// <summary>An in-app notice and an email about an application, to its business's Owner and to whoever acted, if a member.</summary>
    public async Task TellBusinessAsync(int businessId, string? actorUserId, string template, string link, IReadOnlyList<string> arguments, CancellationToken cancellationToken = default) =>
        Add(await RecipientsAsync(businessId, actorUserId, cancellationToken), template, link, arguments);

    /// <summary>Who hears of a change to a business's application: its Owner, and whoever acted if a member.</summary>
    public async Task<IReadOnlyList<string>> RecipientsAsync(int businessId, string? actorUserId, CancellationToken cancellationToken = default) =>
        [.. (await db.BusinessMembers.AsNoTracking()
            .Where(m => m.BusinessId == businessId && (m.Role == Data.Businesses.MemberRole.Owner || m.UserId == actorUserId))
            .Select(m => m.UserId)
            .ToListAsync(cancellationToken)).Distinct()];

    /// <summary>
    /// An in-app notice to each of <paramref name="recipients"/>, and an email to each but <paramref name="emailedOtherwise"/>:
    /// the one who gets an email of their own about the same event (the submitter, their receipt). One event, one email a person.
    /// </summary>
    public void Add(IReadOnlyList<string> recipients, string template, string link, IReadOnlyList<string> arguments, string? emailedOtherwise = null)
    {
        foreach (var userId in recipients)
        {
            Add(OutboxChannel.InApp, userId, template, link, arguments);
            if (userId != emailedOtherwise)
            {
                Add(OutboxChannel.Email, userId, template, link, arguments);
            }
        }
    }

    /// <summary>The receipt email's argument: the application and the round, which name its submission before it has an id.</summary>
    public static string ReceiptKey(int applicationId, int round) => $"{applicationId}/{round}";

    public void Email(string userId, string template, string link, IReadOnlyList<string> arguments) =>
        Add(OutboxChannel.Email, userId, template, link, arguments);

    private void Add(OutboxChannel channel, string userId, string template, string link, IReadOnlyList<string> arguments)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.OutboxMessages.Add(new OutboxMessage
        {
            Channel = channel,
            RecipientUserId = userId,
            Template = template,
            Arguments = string.Join('\t', arguments),
            Link = link,
            CreatedAtUtc = now,
            NextAttemptAtUtc = now,
        });
    }
}
