using System.Net;
using Microsoft.EntityFrameworkCore;
using SmePlatform.Domain.Applications;
using SmePlatform.TestSupport;

namespace SmePlatform.IntegrationTests.Applications;

/// <summary>A submission's idempotency key belongs to its application: another application's key never leads to that one's receipt.</summary>
[Collection(nameof(PortalCollection))]
public class SubmissionKeyTests(SmeAppFactory factory)
{
    [Fact]
    public async Task AnotherApplicationsKey_PostedToADraft_SubmitsTheDraft_NeverRedirectsToSomeoneElsesReceipt()
    {
        var owner = await factory.CreateUserAsync();
        var business = await factory.CreateBusinessAsync(owner, verified: true);
        await factory.CompleteProfileAsync(business.Id);
        // Two applications submitted once and returned for correction: each has a receipt made under its own key, and each
        // is ready to be submitted again. (Before, the first one's key posted for the second led to the second's old
        // receipt, round 1, and the second stayed returned: a receipt for a submission that never happened.)
        var submitted = await factory.CreateApplicationAsync(business, owner, returnedForCorrection: true);
        var draft = await factory.CreateApplicationAsync(business, owner, returnedForCorrection: true);
        var key = await factory.WithDbAsync(db => db.Submissions.Where(s => s.ApplicationId == submitted).Select(s => s.IdempotencyKey).SingleAsync());
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(owner);
        var check = await client.GetAsync($"/businesses/{business.Id}/applications/{draft}/check");
        var form = check.Document.QuerySelector("form[data-submit-once]")!;
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = check.AntiforgeryToken,
            ["idempotencyKey"] = key,
            ["version"] = form.QuerySelector("[name=version]")!.GetAttribute("value")!,
        };

        var answer = await client.PostWithoutFollowingAsync(form.GetAttribute("action")!, fields);

        // Taken as this application's own submission: its second round, its own receipt.
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal($"/businesses/{business.Id}/applications/{draft}/receipts/2", answer.Headers.Location!.ToString());
        var receipt = await client.GetAsync(answer.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, receipt.Status);
        var number = await factory.WithDbAsync(db => db.Applications.Where(a => a.Id == draft).Select(a => a.Number).SingleAsync());
        Assert.Equal(number, receipt.Text("[data-application-number]"));
        Assert.Equal(ApplicationStatus.Resubmitted, await factory.WithDbAsync(db => db.Applications.Where(a => a.Id == draft).Select(a => a.Status).SingleAsync()));
        // Each application has its own submission under the key; the other's is untouched.
        var rounds = await factory.WithDbAsync(db => db.Submissions.Where(s => s.IdempotencyKey == key).OrderBy(s => s.ApplicationId).Select(s => new { s.ApplicationId, s.Round }).ToListAsync());
        Assert.Equal([(submitted, 1), (draft, 2)], rounds.Select(r => (r.ApplicationId, r.Round)));

        // The same post again (a double click) leads to the same receipt, not a third round.
        fields["__RequestVerificationToken"] = check.AntiforgeryToken;
        var again = await client.PostWithoutFollowingAsync(form.GetAttribute("action")!, fields);
        Assert.Equal(answer.Headers.Location, again.Headers.Location);
        Assert.Equal(2, await factory.WithDbAsync(db => db.Submissions.CountAsync(s => s.ApplicationId == draft)));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Submissions.CountAsync(s => s.ApplicationId == submitted)));
    }
}
