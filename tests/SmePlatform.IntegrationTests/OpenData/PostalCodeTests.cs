using System.Net;
using System.Text.Json;
using SmePlatform.TestSupport;

namespace SmePlatform.IntegrationTests.OpenData;

[Collection(nameof(PortalCollection))]
public class PostalCodeTests(SmeAppFactory factory)
{
    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string code)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri($"/api/v1/postal-codes/{Uri.EscapeDataString(code)}", UriKind.Relative));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static string Place(JsonElement address) =>
        $"{address.GetProperty("prefectureCode").GetString()} {address.GetProperty("prefecture").GetString()} {address.GetProperty("city").GetString()} {address.GetProperty("town").GetString()}";

    [Theory]
    [InlineData("1000001", "13 東京都 千代田区 千代田")]
    [InlineData("1350091", "13 東京都 港区 台場")]
    [InlineData("１００－０００１", "13 東京都 千代田区 千代田")]
    [InlineData("100-0001", "13 東京都 千代田区 千代田")]
    [InlineData("0600000", "01 北海道 札幌市中央区 ")]
    public async Task KnownCodes_GiveTheirAddress(string code, string expected)
    {
        var (status, body) = await GetAsync(code);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(7, body.GetProperty("postalCode").GetString()!.Length);
        Assert.Equal(expected, Place(body.GetProperty("addresses")[0]));
    }

    [Fact]
    public async Task ACodeOfSeveralTowns_GivesThemAll()
    {
        var (status, body) = await GetAsync("0983133");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["オヌプナイ", "雄信内"], body.GetProperty("addresses").EnumerateArray().Select(a => a.GetProperty("town").GetString()));
    }

    [Theory]
    [InlineData("9999999", HttpStatusCode.NotFound)]
    [InlineData("12345", HttpStatusCode.BadRequest)]
    [InlineData("abcdefg", HttpStatusCode.BadRequest)]
    [InlineData("10000011", HttpStatusCode.BadRequest)]
    public async Task UnknownOrMalformedCodes_AreProblems(string code, HttpStatusCode expected)
    {
        var (status, body) = await GetAsync(code);

        Assert.Equal(expected, status);
        if (expected == HttpStatusCode.BadRequest)
        {
            Assert.True(body.GetProperty("errors").TryGetProperty("code", out _));
        }
    }

    [Fact]
    public async Task WithoutJavaScript_TheLookupButtonFillsTheAddress_KeepingWhatWasTyped()
    {
        var owner = await factory.CreateUserAsync();
        var business = await factory.CreateBusinessAsync(owner);
        using var client = factory.CreatePortalClient();
        await client.SignInAsync(owner);
        var form = await client.GetAsync($"/businesses/{business.Id}/profile/basics");

        var filled = await client.SubmitFormAsync(form, [("PostalCode", "135-0091"), ("Phone", "03-1234-5678")], submit: ("intent", "lookup"));
        var unknown = await client.SubmitFormAsync(form, [("PostalCode", "9999999")], submit: ("intent", "lookup"));

        Assert.Equal("13", filled.Document.QuerySelector("#PrefectureCode option[selected]")!.GetAttribute("value"));
        Assert.Equal("港区", filled.Document.QuerySelector("#City")!.GetAttribute("value"));
        Assert.Equal("台場", filled.Document.QuerySelector("#Street")!.GetAttribute("value"));
        Assert.Equal("03-1234-5678", filled.Document.QuerySelector("#Phone")!.GetAttribute("value"));
        Assert.Contains("町名を入力しました", filled.Text("#postal-lookup-status"), StringComparison.Ordinal);
        Assert.Contains("見つかりませんでした", unknown.ErrorFor("PostalCode"), StringComparison.Ordinal);
    }
}
