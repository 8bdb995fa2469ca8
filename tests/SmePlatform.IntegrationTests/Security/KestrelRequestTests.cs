using System.Net;
using System.Net.Sockets;
using System.Text;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SmePlatform.TestSupport;

namespace SmePlatform.IntegrationTests.Security;

/// <summary>The portal on a real Kestrel port (a random one), for what only a real server and socket show.</summary>
public sealed class KestrelPortal : IDisposable
{
    public KestrelPortal()
    {
        App.UseKestrel(0);
        App.StartServer();
        Address = new Uri(App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public SmeAppFactory App { get; } = new();

    public Uri Address { get; }

    public void Dispose() => App.Dispose();
}

/// <summary>
/// Requests Kestrel itself limits or loses (issue 20, finding 7): a body over its 30 MB limit gets the 413 page, and a
/// client that hangs up half-way through its body is logged as gone (Information), not as a 500 error.
/// </summary>
public class KestrelRequestTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    /// <summary>
    /// Over Kestrel's 30 MB: a client that asks first (Expect: 100-continue) is answered before it sends the body; a
    /// browser, which does not, gets the page once its body has been read and thrown away.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ASixtyMegabyteUpload_ToSignIn_GetsThe413Page_FromTheRealServer(bool expectContinue)
    {
        using var client = portal.App.CreateClient();
        using var content = RequestFailureTests.Body("60MB-upload", "", "Email");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(portal.Address, "/account/login")) { Content = content };
        request.Headers.ExpectContinue = expectContinue;

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("送信した内容が大きすぎます", page.QuerySelector("h1")?.TextContent.Trim());
    }

    /// <summary>
    /// A body sent in chunks declares no length: it is found too large only while it is read, answered 413 and logged as
    /// one (the server then closes the connection, which a client still sending sees as a broken pipe).
    /// </summary>
    [Fact]
    public async Task ASixtyMegabyteUpload_InChunks_GetsThe413Page_AndIsLoggedAs413()
    {
        var before = portal.App.Logs.Lines.Count;
        using var client = portal.App.CreateClient();
        using var body = new MemoryStream(Encoding.ASCII.GetBytes("Email=" + new string('a', 60 * 1024 * 1024)));
        using var content = new StreamContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(portal.Address, "/account/login")) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        try
        {
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        }
        catch (HttpRequestException)
        {
            // The answer came before the body was sent; the socket closed under the rest.
        }

        var lines = new List<string>();
        for (var wait = 0; wait < 100 && !lines.Exists(l => l.Contains("responded", StringComparison.Ordinal) && l.Contains("/account/login", StringComparison.Ordinal)); wait++)
        {
            await Task.Delay(100);
            lines = [.. portal.App.Logs.Lines.Skip(before)];
        }

        Assert.Contains(lines, l => l.Contains("/account/login", StringComparison.Ordinal) && l.Contains("\"StatusCode\":413", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("\"StatusCode\":500", StringComparison.Ordinal) || l.Contains("\"@l\":\"Error\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AClientThatHangsUpMidBody_IsLoggedAsGone_NotAsAnError()
    {
        var before = portal.App.Logs.Lines.Count;
        using (var socket = new TcpClient())
        {
            await socket.ConnectAsync(portal.Address.Host, portal.Address.Port);
            var stream = socket.GetStream();
            var head = $"POST /account/login HTTP/1.1\r\nHost: {portal.Address.Authority}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000000\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.WriteAsync(Encoding.ASCII.GetBytes("Email=" + new string('a', 20_000)));
            await stream.FlushAsync();
        }

        // The server notices when it reads on; its request line comes last.
        var lines = new List<string>();
        for (var wait = 0; wait < 100 && !lines.Exists(l => l.Contains("responded", StringComparison.Ordinal) && l.Contains("/account/login", StringComparison.Ordinal)); wait++)
        {
            await Task.Delay(100);
            lines = [.. portal.App.Logs.Lines.Skip(before)];
        }

        Assert.Contains(lines, l => l.Contains("The client closed the connection before its request was answered", StringComparison.Ordinal) && !l.Contains("\"@l\"", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("\"@l\":\"Error\"", StringComparison.Ordinal) || l.Contains("\"@l\":\"Fatal\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("/account/login", StringComparison.Ordinal) && l.Contains("\"StatusCode\":499", StringComparison.Ordinal));
    }
}
