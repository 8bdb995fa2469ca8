using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SmePlatform.TestSupport;

namespace SmePlatform.IntegrationTests.Operations;

/// <summary>
/// The portal in Production (with what Production needs: its public address) behind a TLS-terminating balancer in
/// 10.0.0.0/8. The test server has no TCP peer: <c>X-Test-Peer</c> says which address the request comes from, and
/// <c>/__test/peer</c> answers the client's address and scheme as the app sees them after the forwarded headers.
/// </summary>
public sealed class ProductionBehindProxyFactory : SmeAppFactory
{
    public const string PeerHeader = "X-Test-Peer";

    public ProductionBehindProxyFactory()
    {
        EnvironmentName = "Production";
        Settings = new Dictionary<string, string?> { ["ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/8" };
        TestServices = services => services.AddSingleton<IStartupFilter, Peer>();
    }

    private sealed class Peer : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            // Before the app's own pipeline: the connection as the server would see it.
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[PeerHeader], out var peer))
                {
                    context.Connection.RemoteIpAddress = peer;
                }

                return nextMiddleware(context);
            });
            next(app);
            app.Run(context => context.Request.Path == "/__test/peer"
                ? context.Response.WriteAsync($"{context.Connection.RemoteIpAddress} {context.Request.Scheme}")
                : Task.CompletedTask);
        };
    }
}

public class ProxyTests(ProductionBehindProxyFactory factory) : IClassFixture<ProductionBehindProxyFactory>
{
    private const string Client = "203.0.113.7";

    private static HttpRequestMessage Request(string path, string peer, string forwardedProto = "https")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add(ProductionBehindProxyFactory.PeerHeader, peer);
        request.Headers.Add("X-Forwarded-For", Client);
        request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        return request;
    }

    private HttpClient Http(string baseAddress = "http://localhost") =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(baseAddress) });

    [Fact]
    public async Task FromTheBalancer_TheClientsAddressAndHttps_AreBelieved_AndEveryCookieIsSecure()
    {
        using var http = Http();

        using var page = await http.SendAsync(Request("/account/login?culture=en", "10.1.2.3"));
        using var peer = await http.SendAsync(Request("/__test/peer", "10.1.2.3"));

        // Plain HTTP from the balancer, HTTPS for the client: no redirect, the page itself.
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var cookies = page.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith("sme.af=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.Equal($"{Client} https", await peer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task FromAnyoneElse_TheForwardedHeadersAreIgnored()
    {
        // Plain HTTP claiming to be HTTPS: still HTTP, sent to the public HTTPS port.
        using var http = Http();
        using var page = await http.SendAsync(Request("/account/login", "192.0.2.50"));
        Assert.Equal(HttpStatusCode.TemporaryRedirect, page.StatusCode);
        Assert.Equal("https://localhost/account/login", page.Headers.Location!.ToString());

        // Over HTTPS, claiming another client: the peer it is.
        using var https = Http("https://localhost");
        using var peer = await https.SendAsync(Request("/__test/peer", "192.0.2.50"));
        Assert.Equal("192.0.2.50 https", await peer.Content.ReadAsStringAsync());

        // A balancer saying the client came by plain HTTP is believed too.
        using var plain = await http.SendAsync(Request("/account/login", "10.1.2.3", forwardedProto: "http"));
        Assert.Equal(HttpStatusCode.TemporaryRedirect, plain.StatusCode);
    }
}
