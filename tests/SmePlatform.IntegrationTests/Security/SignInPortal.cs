using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SmePlatform.TestSupport;
using SmePlatform.Web.Data;

namespace SmePlatform.IntegrationTests.Security;

/// <summary>
/// A portal of its own for the sign-in throttling and account enumeration tests: the production ceilings of failed
/// sign-ins per address (20 in 5 minutes) and a small one for everyone, a clock that moves only when a test moves it,
/// each client at an address of its own (<see cref="ClientAddressHeader"/>), and a password hasher that counts what it
/// is asked to check.
/// </summary>
public sealed class SignInPortal : SmeAppFactory
{
    public const string ClientAddressHeader = "X-Test-Client-Address";
    public const int AddressLimit = 20;
    public const int AddressWindowSeconds = 300;
    public const int GlobalLimit = 40;
    public const int GlobalWindowSeconds = 60;

    private int _addresses;

    public MovableClock Clock { get; } = new();

    public CountingPasswordHasher Hasher { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("SignInThrottling:Address:Limit", AddressLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("SignInThrottling:Address:WindowSeconds", AddressWindowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("SignInThrottling:Global:Limit", GlobalLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("SignInThrottling:Global:WindowSeconds", GlobalWindowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IPasswordHasher<ApplicationUser>>(Hasher);
            services.AddSingleton<IStartupFilter, ClientAddressFromHeader>();
        });
    }

    /// <summary>An IPv6 address in a /64 network no other call has given (documentation prefix 2001:db8::/32).</summary>
    public string NewNetwork(int host = 1) => $"2001:db8:{Interlocked.Increment(ref _addresses):x4}:{Random.Shared.Next(0x10000):x4}::{host:x}";

    /// <summary>A client whose requests come from <paramref name="address"/>.</summary>
    public PortalClient CreateClientAt(string address)
    {
        var client = CreatePortalClient();
        client.Http.DefaultRequestHeaders.Add(ClientAddressHeader, address);
        return client;
    }

    /// <summary>The test server has no client address: the header gives each request one, before anything else runs.</summary>
    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientAddressHeader].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>Identity's password hasher, counting how often each password was checked.</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<ApplicationUser>
{
    private readonly PasswordHasher<ApplicationUser> _inner = new();
    private readonly ConcurrentDictionary<string, int> _checks = new(StringComparer.Ordinal);

    public int ChecksOf(string password) => _checks.GetValueOrDefault(password);

    public string HashPassword(ApplicationUser user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
    {
        _checks.AddOrUpdate(providedPassword, 1, (_, count) => count + 1);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

/// <summary>The tests that share a <see cref="SignInPortal"/>: one at a time, as they move its clock.</summary>
[CollectionDefinition(nameof(SignInCollection))]
public sealed class SignInCollection : ICollectionFixture<SignInPortal>;
