using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data;
using SmePlatform.Web.Infrastructure.Sessions;

namespace SmePlatform.IntegrationTests.Accounts;

/// <summary>
/// The portal with a clock the test moves on (the time every part of it reads: cookies, sessions, Identity), and whose
/// requests come from the address a test names in <see cref="ClientAddressHeader"/> (the test server gives none).
/// </summary>
public sealed class MovableClockFactory : SmeAppFactory
{
    public const string ClientAddressHeader = "X-Test-Client-Address";

    public MovableClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter, ClientAddressFromHeader>();
        });
    }

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (System.Net.IPAddress.TryParse(context.Request.Headers[ClientAddressHeader], out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return following(context);
            });
            next(app);
        };
    }
}

/// <summary>The system's time moved on by <see cref="Ahead"/>; timers and stopwatches stay real.</summary>
public sealed class MovableClock : TimeProvider
{
    public TimeSpan Ahead { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Ahead;
}

/// <summary>
/// A staff sign-in ends 8 hours after it began however busy it is (Sessions:StaffAbsoluteLifetime); a business user's
/// goes on while it is used (the sliding 8 hours). Sign-ins that have ended are deleted.
/// </summary>
public class SessionLifetimeTests(MovableClockFactory factory) : IClassFixture<MovableClockFactory>
{
    [Fact]
    public async Task StaffSignIn_EndsAfterEightHours_HoweverBusy_WhileAnOwnersGoesOn()
    {
        var reviewer = await factory.CreateUserAsync([StaffRoles.Reviewer], twoFactor: true);
        var owner = await factory.CreateUserAsync();
        using var staff = factory.CreatePortalClient();
        using var business = factory.CreatePortalClient();
        await staff.SignInAsync(reviewer);
        await business.SignInAsync(owner);
        var (created, absolute) = await factory.WithDbAsync(db => db.UserSessions.Where(s => s.UserId == reviewer.Id)
            .Select(s => new ValueTuple<DateTime, DateTime?>(s.CreatedAtUtc, s.AbsoluteExpiresAtUtc)).SingleAsync());
        Assert.Equal(created.AddHours(8), absolute);
        Assert.Null(await factory.WithDbAsync(db => db.UserSessions.Where(s => s.UserId == owner.Id).Select(s => s.AbsoluteExpiresAtUtc).SingleAsync()));

        // Both are used every few hours, so the sliding end keeps moving on.
        try
        {
            foreach (var hours in new[] { 3.0, 6.0, 7.9 })
            {
                factory.Clock.Ahead = TimeSpan.FromHours(hours);
                Assert.Equal("/account/manage", (await staff.GetAsync("/account/manage")).Url.AbsolutePath);
                Assert.Equal("/account/manage", (await business.GetAsync("/account/manage")).Url.AbsolutePath);
            }

            var lastSeen = await factory.WithDbAsync(db => db.UserSessions.Where(s => s.UserId == owner.Id).Select(s => s.LastSeenAtUtc).SingleAsync());
            Assert.True(lastSeen > created.AddHours(7.8), $"Last seen {lastSeen:O}, signed in {created:O}.");

            factory.Clock.Ahead = TimeSpan.FromHours(8.1);
            Assert.Equal("/account/login", (await staff.GetAsync("/account/manage")).Url.AbsolutePath);
            Assert.Equal("/account/manage", (await business.GetAsync("/account/manage")).Url.AbsolutePath);
            Assert.False(await factory.WithDbAsync(db => db.UserSessions.AnyAsync(s => s.UserId == reviewer.Id)));
        }
        finally
        {
            factory.Clock.Ahead = TimeSpan.Zero;
        }
    }

    /// <summary>
    /// Identity re-reads the person every 30 minutes (the security stamp) and rebuilds the sign-in from the account: the
    /// second factor it was made with must survive that, or staff would be sent to set up two-factor sign-in again.
    /// </summary>
    [Fact]
    public async Task StaffSignIn_KeepsItsSecondFactor_PastTheHalfHourlyStampCheck()
    {
        var reviewer = await factory.CreateUserAsync([StaffRoles.Reviewer], twoFactor: true);
        using var staff = factory.CreatePortalClient();
        await staff.SignInAsync(reviewer);
        try
        {
            foreach (var minutes in new[] { 40, 80, 125 })
            {
                factory.Clock.Ahead = TimeSpan.FromMinutes(minutes);
                var page = await staff.GetAsync("/review");
                Assert.Equal(("/review", System.Net.HttpStatusCode.OK), (page.Url.AbsolutePath, page.Status));
            }
        }
        finally
        {
            factory.Clock.Ahead = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task TheSessionsPage_ShowsTheNetwork_NotTheAddress()
    {
        var owner = await factory.CreateUserAsync();
        using var office = factory.CreatePortalClient();
        using var phone = factory.CreatePortalClient();
        office.Http.DefaultRequestHeaders.Add(MovableClockFactory.ClientAddressHeader, "203.0.113.77");
        phone.Http.DefaultRequestHeaders.Add(MovableClockFactory.ClientAddressHeader, "2001:db8:1234:5678::42");
        await office.SignInAsync(owner);
        await phone.SignInAsync(owner);

        var page = await office.GetAsync("/account/manage/sessions");

        var networks = page.Document.QuerySelectorAll("tbody tr").Select(row => row.QuerySelectorAll("td")[1].TextContent.Trim()).ToList();
        Assert.Equal(["203.0.113.0/24", "2001:db8:1234::/48"], networks);
        Assert.DoesNotContain("203.0.113.77", page.Document.Body!.TextContent, StringComparison.Ordinal);
        var stored = await factory.WithDbAsync(db => db.UserSessions.Where(s => s.UserId == owner.Id).Select(s => s.Network).ToListAsync());
        Assert.Equal(["2001:db8:1234::/48", "203.0.113.0/24"], stored.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheSweep_DeletesSignInsThatEndedUnused()
    {
        var owner = await factory.CreateUserAsync();
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(owner);
        var sweeper = factory.Services.GetServices<IHostedService>().OfType<SessionSweeper>().Single();
        await sweeper.SweepAsync();
        Assert.True(await factory.WithDbAsync(db => db.UserSessions.AnyAsync(s => s.UserId == owner.Id)));

        try
        {
            factory.Clock.Ahead = TimeSpan.FromHours(8.1);
            await sweeper.SweepAsync();
        }
        finally
        {
            factory.Clock.Ahead = TimeSpan.Zero;
        }

        Assert.False(await factory.WithDbAsync(db => db.UserSessions.AnyAsync(s => s.UserId == owner.Id)));
        Assert.Equal("/account/login", (await client.GetAsync("/account/manage")).Url.AbsolutePath);
    }
}
