using System.Net;
using SmePlatform.Web.Infrastructure.Sessions;

namespace SmePlatform.UnitTests.Accounts;

/// <summary>What a stored sign-in keeps of the client: a coarse network and the names of browser and system, no more.</summary>
public class SessionDescriptionTests
{
    [Theory]
    [InlineData("203.0.113.77", "203.0.113.0/24")]
    [InlineData("198.51.100.1", "198.51.100.0/24")]
    [InlineData("::ffff:203.0.113.77", "203.0.113.0/24")]
    [InlineData("2001:db8:1234:5678:9abc:def0:1234:5678", "2001:db8:1234::/48")]
    [InlineData("fe80::1%3", "fe80::/48")]
    [InlineData("127.0.0.1", "127.0.0.0/8")]
    [InlineData("::1", "::1/128")]
    public void ClientNetwork_KeepsTheNetworkOnly(string address, string expected)
    {
        Assert.Equal(expected, ClientNetwork.Of(IPAddress.Parse(address)));
    }

    [Fact]
    public void ClientNetwork_OfNoAddress_IsUnknown()
    {
        Assert.Null(ClientNetwork.Of(null));
    }

    [Theory]
    [InlineData("192.168.1.0/24", true)]
    [InlineData("10.2.3.0/24", true)]
    [InlineData("172.16.0.0/24", true)]
    [InlineData("172.32.0.0/24", false)]
    [InlineData("127.0.0.0/8", true)]
    [InlineData("::1/128", true)]
    [InlineData("fd12:3456:789a::/48", true)]
    [InlineData("203.0.113.0/24", false)]
    [InlineData("2001:db8:1234::/48", false)]
    [InlineData(null, false)]
    public void ClientNetwork_TellsLocalNetworks(string? network, bool local)
    {
        Assert.Equal(local, ClientNetwork.IsLocal(network));
    }

    [Theory]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome", "Windows")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", "Edge", "Windows")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15", "Safari", "macOS")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1", "Safari", "iPhone")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1", "Chrome", "iPhone")]
    [InlineData("Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1", "Safari", "iPad")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36", "Samsung Internet", "Android")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36", "Chrome", "Android")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox", "Linux")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 OPR/115.0.0.0", "Opera", "Windows")]
    [InlineData("Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome", "ChromeOS")]
    [InlineData("curl/8.5.0", null, null)]
    [InlineData("Version/1.0 (Windows)", null, "Windows")]
    [InlineData("", null, null)]
    [InlineData(null, null, null)]
    public void DeviceNames_NameTheBrowserAndSystem_OrNothing(string? userAgent, string? browser, string? platform)
    {
        Assert.Equal((browser, platform), DeviceNames.From(userAgent));
    }

    [Fact]
    public void DeviceNames_ReadALongUserAgentOnlySoFar()
    {
        Assert.Equal((null, null), DeviceNames.From(new string('x', 10_000) + " Chrome/131 (Windows NT 10.0)"));
    }
}
