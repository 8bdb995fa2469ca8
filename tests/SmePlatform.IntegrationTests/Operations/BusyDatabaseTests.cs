using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmePlatform.Domain.Applications;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data;

namespace SmePlatform.IntegrationTests.Operations;

/// <summary>A portal whose writes wait one second at most, with an API address that fails as a busy database does.</summary>
public sealed class BusyDatabaseFactory : SmeAppFactory
{
    public BusyDatabaseFactory()
    {
        Settings = new Dictionary<string, string?> { ["Database:WriteTimeoutSeconds"] = "1" };
        TestServices = services => services.AddSingleton<IStartupFilter, BusyApiEndpoint>();
    }

    /// <summary><c>/api/__test/busy</c>: a request whose write timed out, behind the app's own error handling.</summary>
    private sealed class BusyApiEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(context => context.Request.Path == "/api/__test/busy" ? throw new DatabaseBusyException() : Task.CompletedTask);
        };
    }
}

/// <summary>
/// A write that cannot get the database answers within its bound with "busy, try again" (503, Retry-After), keeps
/// what was typed, and readiness says Degraded until writes get through again. SQLite only: the lock is taken on the file.
/// </summary>
public class BusyDatabaseTests(BusyDatabaseFactory factory) : IClassFixture<BusyDatabaseFactory>
{
    /// <summary>Well above the one-second bound, far below the 30 seconds a blocked write used to hang.</summary>
    private static readonly TimeSpan Answered = TimeSpan.FromSeconds(4);

    private async Task<string> ReadinessAsync()
    {
        using var client = factory.CreateClient();
        return await client.GetStringAsync(new Uri("/health/ready", UriKind.Relative));
    }

    [Fact]
    public async Task AWrite_BlockedByAnotherConnectionsLock_Answers503WithinItsBound_KeepsWhatWasTyped_AndReadinessIsDegraded()
    {
        var owner = await factory.CreateUserAsync();
        var business = await factory.CreateBusinessAsync(owner, verified: true);
        var applicationId = await factory.CreateApplicationAsync(business, owner);
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(owner);
        var section = await client.GetAsync($"/businesses/{business.Id}/applications/{applicationId}/sections/plan");
        Assert.Equal("Healthy", await ReadinessAsync());

        Page busy;
        var watch = Stopwatch.StartNew();
        await using (var other = new SqliteConnection(factory.ConnectionString))
        {
            // Another process holds SQLite's write lock (readers still read: WAL).
            await other.OpenAsync();
            await using var exclusive = other.CreateCommand();
            exclusive.CommandText = "BEGIN EXCLUSIVE;";
            await exclusive.ExecuteNonQueryAsync();

            busy = await client.SubmitFormAsync(section, [("Answers.theme", "混雑時に入力した計画名"), ("Answers.challenge", "納期が長い")], submit: ("intent", "next"));
            watch.Stop();
            Assert.Equal("Degraded", await ReadinessAsync());

            exclusive.CommandText = "ROLLBACK;";
            await exclusive.ExecuteNonQueryAsync();
        }

        Assert.True(watch.Elapsed < Answered, $"answered after {watch.Elapsed}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.Status);
        Assert.Equal(TimeSpan.FromSeconds(1), busy.Response.Headers.RetryAfter?.Delta);
        Assert.Equal("混み合っています", busy.Text("h1"));
        Assert.Contains("しばらくしてからもう一度お試しください", busy.Text("main"), StringComparison.Ordinal);
        Assert.Contains("入力した内容はまだ保存されていません", busy.Text("[data-not-saved]"), StringComparison.Ordinal);
        Assert.Null(await factory.WithDbAsync(db => db.ApplicationAnswers.Where(a => a.ApplicationId == applicationId && a.FieldKey == "theme").Select(a => a.Value).FirstOrDefaultAsync()));
        // What was typed is in the page, ready to go again to the same address; the old token is not.
        var resend = busy.Document.QuerySelector("form[data-resend]")!;
        Assert.Equal($"/businesses/{business.Id}/applications/{applicationId}/sections/plan", resend.GetAttribute("action"));
        Assert.Equal("混雑時に入力した計画名", resend.QuerySelector("input[name='Answers.theme']")!.GetAttribute("value"));
        Assert.Equal("next", resend.QuerySelector("input[name=intent]")!.GetAttribute("value"));
        Assert.Single(resend.QuerySelectorAll("input[name=__RequestVerificationToken]"));

        // Released: ready again, and sending it again saves it.
        Assert.Equal("Healthy", await ReadinessAsync());
        var saved = await client.SubmitFormAsync(busy, [], formSelector: "form[data-resend]");
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Equal("混雑時に入力した計画名", await factory.WithDbAsync(db => db.ApplicationAnswers.Where(a => a.ApplicationId == applicationId && a.FieldKey == "theme").Select(a => a.Value).SingleAsync()));
    }

    [Fact]
    public async Task ASubmission_QueuedBehindAWriteThatHoldsTheGate_Answers503WithinItsBound_InEnglishToo_AndReadinessIsDegraded()
    {
        var (owner, business, applicationId) = await factory.CreateApplicantAsync();
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(owner);
        await client.GetAsync("/?culture=en");
        var check = await client.GetAsync($"/businesses/{business.Id}/applications/{applicationId}/check");
        var gate = factory.Services.GetRequiredService<WriteGate>();

        Page busy;
        var watch = Stopwatch.StartNew();
        await using (var scope = factory.Services.CreateAsyncScope())
        using (await gate.EnterAsync(scope.ServiceProvider.GetRequiredService<SmeDbContext>()))
        {
            // A write in the process keeps its turn (SQLite's one writer, taken in turns).
            busy = await client.SubmitFormAsync(check, [], formSelector: "form[data-submit-once]");
            watch.Stop();
            Assert.Equal("Degraded", await ReadinessAsync());
        }

        Assert.True(watch.Elapsed < Answered, $"answered after {watch.Elapsed}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.Status);
        Assert.NotNull(busy.Response.Headers.RetryAfter);
        Assert.Equal("The service is busy", busy.Text("h1"));
        Assert.Contains("has not been saved", busy.Text("[data-not-saved]"), StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.ReturnedForCorrection, await StatusAsync(applicationId));
        Assert.Equal("Healthy", await ReadinessAsync());

        // Sent again once the way is clear: submitted, with its receipt.
        var receipt = await client.SubmitFormAsync(busy, [], formSelector: "form[data-resend]");
        Assert.Equal(HttpStatusCode.OK, receipt.Status);
        Assert.Contains("/receipts/2", receipt.Url.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnApiRequest_WhoseWriteTimedOut_Answers503ProblemDetails_WithRetryAfter()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/api/__test/busy", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("混み合っています", problem.RootElement.GetProperty("title").GetString());
    }

    private Task<ApplicationStatus> StatusAsync(int applicationId) =>
        factory.WithDbAsync(db => db.Applications.Where(a => a.Id == applicationId).Select(a => a.Status).SingleAsync());
}
