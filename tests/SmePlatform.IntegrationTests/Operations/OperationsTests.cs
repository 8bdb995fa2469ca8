using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using SmePlatform.TestSupport;
using SmePlatform.Web.Infrastructure.Security;

namespace SmePlatform.IntegrationTests.Operations;

[Collection(nameof(PortalCollection))]
public class OperationsTests(SmeAppFactory factory)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_AnswersHealthy(string path)
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownPage_ShowsFriendly404WithTheCorrelationIdOfTheResponse()
    {
        using var client = factory.CreatePortalClient();

        var page = await client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("ページが見つかりません", page.Text("h1"));
        var correlationId = Assert.Single(page.Response.Headers.GetValues("X-Correlation-ID"));
        Assert.Equal(correlationId, page.Text(".correlation-id code"));
    }

    [Fact]
    public async Task UnknownPage_InEnglish_ShowsEnglish404()
    {
        using var client = factory.CreatePortalClient();

        var page = await client.GetAsync("/no-such-page?culture=en");

        Assert.Equal("Page not found", page.Text("h1"));
    }

    [Fact]
    public async Task WellFormedIncomingCorrelationId_IsKept()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("X-Correlation-ID", "caller-chosen-id-123");

        var response = await client.SendAsync(request);

        Assert.Equal("caller-chosen-id-123", Assert.Single(response.Headers.GetValues("X-Correlation-ID")));
    }

    [Fact]
    public async Task UnknownApiPath_AnswersProblemDetails()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/api/v1/no-such-thing", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task UnhandledException_ShowsFriendly500WithoutStackTrace_AndProblemDetailsUnderApi()
    {
        using var throwing = factory.WithWebHostBuilder(builder =>
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ThrowingEndpoints>()));
        using var client = new PortalClient(throwing.CreateClient(new() { AllowAutoRedirect = false }));

        var page = await client.GetAsync("/__test/throw");
        var api = await client.Http.GetAsync(new Uri("/api/__test/throw", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, page.Status);
        Assert.Equal("システムで問題が発生しました", page.Text("h1"));
        Assert.DoesNotContain("InvalidOperationException", page.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.Text(".correlation-id code"));
        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("secret detail", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryResponse_CarriesTheSecurityHeaders()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(SecurityHeadersMiddleware.ContentSecurityPolicy, csp);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task VersionedStaticFiles_AreCachedForAYear_AndTheVendoredLibrariesAreServed()
    {
        using var client = factory.CreatePortalClient();
        var home = await client.GetAsync("/");
        var stylesheets = home.Document.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();

        Assert.Equal(3, stylesheets.Count);
        foreach (var href in stylesheets)
        {
            var response = await client.Http.GetAsync(new Uri(href, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("?v=", href, StringComparison.Ordinal);
            Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        }
    }

    [Fact]
    public async Task JapaneseText_IsWrittenAsText_NotAsEntities()
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("中小企業支援プラットフォーム", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x", html, StringComparison.Ordinal);
    }

    /// <summary>Adds endpoints that throw, behind the app's own error handling.</summary>
    private sealed class ThrowingEndpoints : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(context => context.Request.Path.Value!.EndsWith("/__test/throw", StringComparison.Ordinal)
                ? throw new InvalidOperationException("secret detail")
                : Task.CompletedTask);
        };
    }
}
