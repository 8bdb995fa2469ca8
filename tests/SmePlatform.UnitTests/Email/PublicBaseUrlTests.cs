using SmePlatform.Web.Infrastructure.Email;

namespace SmePlatform.UnitTests.Email;

public class PublicBaseUrlTests
{
    [Theory]
    [InlineData("https://portal.example.go.jp", "https://portal.example.go.jp")]
    [InlineData("https://portal.example.go.jp/", "https://portal.example.go.jp")]
    [InlineData(" https://example.go.jp/sme/ ", "https://example.go.jp/sme")] // behind a proxy, under a path
    [InlineData("http://localhost:5080", "http://localhost:5080")]
    public void TheConfiguredAddress_IsUsed_InEveryEnvironment_WhereverThePortalListens(string configured, string expected)
    {
        Assert.Equal(expected, PublicBaseUrl.Choose(configured, production: true, ["http://127.0.0.1:8080"]));
        Assert.Equal(expected, PublicBaseUrl.Choose(configured, production: false, ["http://127.0.0.1:8080"]));
    }

    [Theory]
    [InlineData("portal.example.go.jp")]
    [InlineData("ftp://portal.example.go.jp")]
    [InlineData("https://portal.example.go.jp/?from=mail")]
    public void AConfiguredAddressThatIsNotOne_StopsTheStart(string configured) =>
        Assert.Contains("PublicBaseUrl", Assert.Throws<InvalidOperationException>(() => PublicBaseUrl.Choose(configured, production: false, [])).Message, StringComparison.Ordinal);

    [Fact]
    public void Production_WithoutTheSetting_StopsTheStart_NamingIt() =>
        Assert.Contains("Set PublicBaseUrl", Assert.Throws<InvalidOperationException>(() => PublicBaseUrl.Choose(null, production: true, ["http://127.0.0.1:8080"])).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("http://localhost:5080", "http://localhost:5080")]           // dotnet run, launchSettings.json
    [InlineData("http://127.0.0.1:5103", "http://127.0.0.1:5103")]           // dotnet run --urls http://127.0.0.1:5103
    [InlineData("http://0.0.0.0:8080", "http://localhost:8080")]             // every interface: this machine's name for it
    [InlineData("http://[::]:8080", "http://localhost:8080")]
    [InlineData("http://+:8080", "http://localhost:8080")]
    [InlineData("http://*:8080", "http://localhost:8080")]
    [InlineData("http://localhost:5080;https://localhost:5443", "https://localhost:5443")] // https first
    public void OutsideProduction_WithoutTheSetting_LinksUseTheAddressThePortalListensOn(string listening, string expected) =>
        Assert.Equal(expected, PublicBaseUrl.Choose(null, production: false, listening.Split(';')));

    [Fact]
    public void OutsideProduction_BeforeThePortalListens_ThereIsNoAddressYet() =>
        Assert.Throws<InvalidOperationException>(() => PublicBaseUrl.Choose("", production: false, []));
}
